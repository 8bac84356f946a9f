import { Inject, Injectable } from '@nestjs/common';
import type { OrderDetail, PayOrderResponse } from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  ConflictError,
  requireMember,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { CampaignOrderingService } from '../campaigns';
import { MembersService } from '../members';
import { PaymentsService, SimulatorPayments } from '../payments';
import { subscribeTemplateIds } from './jobs/pickup-ready-notifier';
import { orderNotFound, OrderQueries } from './order-queries.service';
import { actorOf, OrderTimeline } from './order-timeline';
import { OrderEntity } from './persistence/order.entity';
import { loadOrderRecord, type OrderRecord } from './persistence/order.repository';

/** WeChat Pay's description field takes at most 127 bytes. */
const DESCRIPTION_MAX_BYTES = 127;

/** The buyer paying an order: prepay parameters, the post-payment check, and the simulator's pay button. */
@Injectable()
export class OrderPaymentService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly payments: PaymentsService,
    private readonly simulator: SimulatorPayments,
    private readonly members: MembersService,
    private readonly campaigns: CampaignOrderingService,
    private readonly timeline: OrderTimeline,
    private readonly queries: OrderQueries,
  ) {}

  /** POST /api/app/orders/:id/pay */
  async pay(ctx: RequestContext, orderId: number): Promise<PayOrderResponse> {
    const record = await this.ownOrder(ctx, orderId);
    const { order } = record;
    if (order.status !== 'pending_payment') {
      throw new ConflictError(
        'ORDER_NOT_PAYABLE',
        order.status === 'cancelled' ? '订单已关闭，请重新下单' : '订单已支付',
      );
    }
    if (order.payDeadlineAt <= new Date())
      throw new ConflictError('ORDER_NOT_PAYABLE', '已超过支付时间，订单即将关闭');
    const buyer = (await this.members.contactsOf([order.memberId])).get(order.memberId);
    const campaign = (await this.campaigns.headersOf([order.campaignId])).get(order.campaignId);
    const result = await this.payments.requestPayment({
      orderId: order.id,
      orderNo: order.orderNo,
      amountFen: order.payableAmount,
      description: describe(campaign?.title ?? '团购订单', record),
      payerOpenid: buyer?.openid ?? '',
      payDeadlineAt: order.payDeadlineAt,
    });
    if (result.firstRequest) {
      await this.tx.run((m) =>
        this.timeline.record(m, order, {
          type: 'payment_requested',
          from: 'pending_payment',
          to: 'pending_payment',
          actor: actorOf(ctx),
          note: result.provider === 'simulator' ? '模拟支付' : '微信支付',
        }),
      );
    }
    return {
      provider: result.provider,
      orderId: order.id,
      outTradeNo: result.outTradeNo,
      amount: order.payableAmount,
      requestPayment: result.requestPayment,
      payDeadlineAt: order.payDeadlineAt.toISOString(),
      subscribeTemplateIds: subscribeTemplateIds(this.config),
    };
  }

  /** POST /api/app/orders/:id/payment-sync */
  async sync(ctx: RequestContext, orderId: number): Promise<OrderDetail> {
    await this.ownOrder(ctx, orderId);
    await this.payments.syncOrder(orderId);
    return this.queries.buyerDetail(ctx, orderId);
  }

  /** POST /api/app/payments/simulator/:outTradeNo/pay — the buyer's own order only. */
  async simulatePay(ctx: RequestContext, outTradeNo: string): Promise<OrderDetail> {
    const { memberId } = requireMember(ctx);
    const order = await this.tx.run((m) => m.getRepository(OrderEntity).findOneBy({ orderNo: outTradeNo }));
    if (!order || order.memberId !== memberId) throw orderNotFound();
    await this.simulator.pay(outTradeNo);
    return this.queries.buyerDetail(ctx, order.id);
  }

  private async ownOrder(ctx: RequestContext, orderId: number): Promise<OrderRecord> {
    const { memberId } = requireMember(ctx);
    const record = await this.tx.run((m) => loadOrderRecord(m, orderId));
    if (!record || record.order.memberId !== memberId) throw orderNotFound();
    return record;
  }
}

/** `周末鲜果团 - 海南香蕉 等3件`, cut to WeChat's byte limit. */
function describe(campaignTitle: string, record: OrderRecord): string {
  const first = record.lines[0]?.productName ?? '';
  let text = `${campaignTitle} - ${first}${record.order.itemCount > 1 ? ` 等${record.order.itemCount}件` : ''}`;
  while (Buffer.byteLength(text) > DESCRIPTION_MAX_BYTES) text = text.slice(0, -1);
  return text;
}
