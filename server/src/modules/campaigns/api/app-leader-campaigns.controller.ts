import { Controller, Get, Param } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadGatewayResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CampaignShareView, LeaderCampaignView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { LeaderCampaignsService } from '../leader-campaigns.service';
import { CampaignShareViewDto, LeaderCampaignViewDto } from './dto/leader-campaign.dto';

@ApiTags('app: 团长')
@ApiBearerAuth()
@ApiErrorResponses()
@ApiForbiddenResponse({ description: 'LEADER_NOT_ACTIVE：不是正常状态的团长', type: ApiErrorBodyDto })
@Controller('app/leader/campaigns')
export class AppLeaderCampaignsController {
  constructor(private readonly campaigns: LeaderCampaignsService) {}

  @Get()
  @ApiOkResponse({ type: [LeaderCampaignViewDto], description: '可分享的进行中活动，截单最早在前' })
  list(@Ctx() ctx: RequestContext): Promise<LeaderCampaignView[]> {
    return this.campaigns.list(ctx);
  }

  @Get(':id/share')
  @ApiOkResponse({ type: CampaignShareViewDto, description: '分享卡片与海报' })
  @ApiNotFoundResponse({
    description: 'CAMPAIGN_NOT_FOUND：活动不存在、未开始、已结束或不在本团长投放范围',
    type: ApiErrorBodyDto,
  })
  @ApiBadGatewayResponse({ description: 'WECHAT_QRCODE_FAILED：生成小程序码失败', type: ApiErrorBodyDto })
  @ApiServiceUnavailableResponse({
    description: 'POSTER_FONT_MISSING：服务器未安装中文字体',
    type: ApiErrorBodyDto,
  })
  share(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CampaignShareView> {
    return this.campaigns.share(ctx, id);
  }
}
