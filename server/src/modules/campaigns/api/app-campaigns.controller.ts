import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CampaignView } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { CampaignsService } from '../campaigns.service';
import { CampaignViewDto } from './dto/campaign-view.dto';

@ApiTags('app: 团购')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/campaigns')
export class AppCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @ApiOkResponse({ type: [CampaignViewDto], description: '当前团长（自提点）可参与的进行中活动' })
  list(@Ctx() ctx: RequestContext): Promise<CampaignView[]> {
    return this.campaigns.listForMember(ctx);
  }
}
