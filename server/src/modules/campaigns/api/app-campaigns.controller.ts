import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CampaignPageView, CampaignProductView, CampaignView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { CampaignShopService } from '../campaign-shop.service';
import { CampaignPageQueryDto } from './dto/campaign-link-query.dto';
import { CampaignPageViewDto, CampaignProductViewDto, CampaignViewDto } from './dto/campaign-view.dto';

@ApiTags('app: 团购')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/campaigns')
export class AppCampaignsController {
  constructor(private readonly shop: CampaignShopService) {}

  @Get()
  @ApiOkResponse({ type: [CampaignViewDto], description: '当前团长（自提点）可参与的进行中活动' })
  list(@Ctx() ctx: RequestContext): Promise<CampaignView[]> {
    return this.shop.listForMember(ctx);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignPageViewDto, description: '活动页（进行中或已结束）' })
  @ApiNotFoundResponse({
    description: 'CAMPAIGN_NOT_FOUND：不存在、未开始，或不在当前团长（及链接团长）的投放范围',
    type: ApiErrorBodyDto,
  })
  page(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: CampaignPageQueryDto,
  ): Promise<CampaignPageView> {
    return this.shop.page(ctx, id, query.leaderCode);
  }

  @Get(':campaignId/products/:productId')
  @ApiOkResponse({ type: CampaignProductViewDto, description: '活动中的商品页（规格选择）' })
  @ApiNotFoundResponse({
    description: 'CAMPAIGN_NOT_FOUND / PRODUCT_NOT_FOUND：活动不存在或不可见，或商品不在活动中',
    type: ApiErrorBodyDto,
  })
  product(
    @Ctx() ctx: RequestContext,
    @Param('campaignId', ParseIdPipe) campaignId: number,
    @Param('productId', ParseIdPipe) productId: number,
    @Query() query: CampaignPageQueryDto,
  ): Promise<CampaignProductView> {
    return this.shop.product(ctx, campaignId, productId, query.leaderCode);
  }
}
