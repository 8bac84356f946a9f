import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AdminOrderDetail, AdminOrderListItem, OrderStatusCounts, Paged } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { OrderLifecycleService } from '../order-lifecycle.service';
import { OrderQueries } from '../order-queries.service';
import { AdminOrderListQueryDto, StaffOrderActionRequestDto } from './dto/order-input.dto';
import { AdminOrderDetailDto, AdminOrderPagedDto, OrderStatusCountsDto } from './dto/order-view.dto';

@ApiTags('admin: 订单中心')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/orders')
export class AdminOrdersController {
  constructor(
    private readonly queries: OrderQueries,
    private readonly lifecycle: OrderLifecycleService,
  ) {}

  @Get()
  @RequirePermissions('orders.read')
  @ApiOkResponse({ type: AdminOrderPagedDto, description: '最新在前' })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: AdminOrderListQueryDto,
  ): Promise<Paged<AdminOrderListItem>> {
    return this.queries.adminList(ctx, query);
  }

  @Get('status-counts')
  @RequirePermissions('orders.read')
  @ApiOkResponse({ type: OrderStatusCountsDto, description: '各状态订单数（同列表筛选，不含状态）' })
  counts(@Ctx() ctx: RequestContext, @Query() query: AdminOrderListQueryDto): Promise<OrderStatusCounts> {
    return this.queries.adminStatusCounts(ctx, { ...query, status: undefined });
  }

  @Get(':id')
  @RequirePermissions('orders.read')
  @ApiOkResponse({ type: AdminOrderDetailDto })
  detail(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<AdminOrderDetail> {
    return this.queries.adminDetail(ctx, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermissions('orders.write')
  @ApiOkResponse({ type: AdminOrderDetailDto, description: '待付款：取消；已付款/待提货：全额原路退款' })
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: StaffOrderActionRequestDto,
  ): Promise<AdminOrderDetail> {
    return this.lifecycle.cancelByStaff(ctx, id, body.reason);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @RequirePermissions('orders.refund')
  @ApiOkResponse({ type: AdminOrderDetailDto, description: '已付款 / 待提货 / 已提货订单全额退款' })
  refund(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: StaffOrderActionRequestDto,
  ): Promise<AdminOrderDetail> {
    return this.lifecycle.refundByStaff(ctx, id, body.reason);
  }

  @Post(':id/mark-ready')
  @HttpCode(200)
  @RequirePermissions('orders.write')
  @ApiOkResponse({ type: AdminOrderDetailDto, description: '已付款 → 待提货（通知买家）' })
  markReady(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<AdminOrderDetail> {
    return this.lifecycle.markReadyByStaff(ctx, id);
  }

  @Post('refunds/:refundId/retry')
  @HttpCode(200)
  @RequirePermissions('orders.refund')
  @ApiOkResponse({ type: AdminOrderDetailDto, description: '重新发起失败的退款' })
  retryRefund(
    @Ctx() ctx: RequestContext,
    @Param('refundId', ParseIdPipe) refundId: number,
  ): Promise<AdminOrderDetail> {
    return this.lifecycle.retryRefund(ctx, refundId);
  }
}
