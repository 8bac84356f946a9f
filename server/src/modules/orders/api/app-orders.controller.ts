import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  BuyerOrderCounts,
  OrderDetail,
  OrderPreview,
  OrderSummary,
  Paged,
  PayOrderResponse,
} from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { CheckoutService } from '../checkout.service';
import { OrderLifecycleService } from '../order-lifecycle.service';
import { OrderPaymentService } from '../order-payment.service';
import { OrderQueries } from '../order-queries.service';
import {
  BuyerOrderListQueryDto,
  CancelOrderRequestDto,
  CreateOrderRequestDto,
  OrderPreviewRequestDto,
} from './dto/order-input.dto';
import {
  BuyerOrderCountsDto,
  OrderDetailDto,
  OrderPreviewDto,
  OrderSummaryPagedDto,
  PayOrderResponseDto,
} from './dto/order-view.dto';

@ApiTags('app: 订单')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/orders')
export class AppOrdersController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly queries: OrderQueries,
    private readonly lifecycle: OrderLifecycleService,
    private readonly payment: OrderPaymentService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderPreviewDto, description: '按服务器价格计算购物车（不占库存）' })
  preview(@Ctx() ctx: RequestContext, @Body() body: OrderPreviewRequestDto): Promise<OrderPreview> {
    return this.checkout.preview(ctx, body);
  }

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '每次结算一个，重试时不变（8–64 位）' })
  @ApiCreatedResponse({
    type: OrderDetailDto,
    description: '新订单（201）；同一 Idempotency-Key 重放返回同一订单（200）',
  })
  @ApiConflictResponse({
    description:
      'ORDER_CAMPAIGN_CLOSED / ORDER_LINE_PROBLEM / ORDER_SOLD_OUT / ORDER_LIMIT_EXCEEDED / IDEMPOTENCY_KEY_REUSED / ORDER_NO_PICKUP_POINT',
    type: ApiErrorBodyDto,
  })
  async create(
    @Ctx() ctx: RequestContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateOrderRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrderDetail> {
    const { order, replayed } = await this.checkout.place(ctx, idempotencyKey, body);
    void reply.status(replayed ? 200 : 201);
    return order;
  }

  @Get()
  @ApiOkResponse({ type: OrderSummaryPagedDto, description: '我的订单，最新在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: BuyerOrderListQueryDto): Promise<Paged<OrderSummary>> {
    return this.queries.buyerList(ctx, query);
  }

  @Get('counts')
  @ApiOkResponse({ type: BuyerOrderCountsDto })
  counts(@Ctx() ctx: RequestContext): Promise<BuyerOrderCounts> {
    return this.queries.buyerCounts(ctx);
  }

  @Get(':id')
  @ApiOkResponse({ type: OrderDetailDto })
  detail(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<OrderDetail> {
    return this.queries.buyerDetail(ctx, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDetailDto, description: '待付款：取消；已付款且未截单：原路退款' })
  cancel(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CancelOrderRequestDto,
  ): Promise<OrderDetail> {
    return this.lifecycle.cancelByBuyer(ctx, id, body.reason ?? null);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @ApiOkResponse({ type: PayOrderResponseDto, description: 'wx.requestPayment 参数（服务器用商户私钥签名）' })
  pay(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<PayOrderResponse> {
    return this.payment.pay(ctx, id);
  }

  @Post(':id/payment-sync')
  @HttpCode(200)
  @ApiOkResponse({ type: OrderDetailDto, description: '支付完成后向支付渠道查询一次（通知可能迟到）' })
  sync(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<OrderDetail> {
    return this.payment.sync(ctx, id);
  }
}
