import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  ConfirmArrivalResponse,
  LeaderPickupCampaign,
  LeaderPickupOrder,
  Paged,
} from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { PickupService } from '../pickup.service';
import { ConfirmArrivalRequestDto, LeaderPickupQueryDto, PickupCodeRequestDto } from './dto/order-input.dto';
import {
  ConfirmArrivalResponseDto,
  LeaderPickupCampaignDto,
  LeaderPickupOrderDto,
  LeaderPickupPagedDto,
} from './dto/order-view.dto';

@ApiTags('app: 团长自提')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/leader/pickups')
export class AppLeaderPickupsController {
  constructor(private readonly pickups: PickupService) {}

  @Get()
  @ApiOkResponse({ type: LeaderPickupPagedDto, description: '本自提点的待提货 / 已提货订单' })
  list(@Ctx() ctx: RequestContext, @Query() query: LeaderPickupQueryDto): Promise<Paged<LeaderPickupOrder>> {
    return this.pickups.list(ctx, query);
  }

  @Get('campaigns')
  @ApiOkResponse({ type: [LeaderPickupCampaignDto], description: '有待提货订单的活动' })
  campaigns(@Ctx() ctx: RequestContext): Promise<LeaderPickupCampaign[]> {
    return this.pickups.campaignsWaiting(ctx);
  }

  @Post('arrive')
  @HttpCode(200)
  @ApiOkResponse({
    type: ConfirmArrivalResponseDto,
    description: '确认到货：该活动已付款的订单变为待提货并通知买家',
  })
  arrive(
    @Ctx() ctx: RequestContext,
    @Body() body: ConfirmArrivalRequestDto,
  ): Promise<ConfirmArrivalResponse> {
    return this.pickups.confirmArrival(ctx, body.campaignId);
  }

  @Post('lookup')
  @HttpCode(200)
  @ApiOkResponse({ type: LeaderPickupOrderDto, description: '按提货码查看订单（不核销）' })
  lookup(@Ctx() ctx: RequestContext, @Body() body: PickupCodeRequestDto): Promise<LeaderPickupOrder> {
    return this.pickups.lookup(ctx, body.code);
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: LeaderPickupOrderDto, description: '核销：交付商品，订单变为已提货' })
  verify(@Ctx() ctx: RequestContext, @Body() body: PickupCodeRequestDto): Promise<LeaderPickupOrder> {
    return this.pickups.verify(ctx, body.code);
  }
}
