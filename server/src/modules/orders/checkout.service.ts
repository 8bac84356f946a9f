import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  CreateOrderRequest,
  FieldError,
  OrderDetail,
  OrderLineInput,
  OrderPreview,
  OrderPreviewRequest,
} from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  BusinessError,
  ConflictError,
  isUniqueViolation,
  NotFoundError,
  requireMember,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import {
  CampaignOrderingService,
  isOfferedAt,
  priceCampaignLines,
  remainingOf,
  type OrderingCampaign,
  type OrderingItem,
  type PricingResult,
} from '../campaigns';
import { InventoryService } from '../inventory';
import { LeadersService, type LeaderIdentity } from '../leaders';
import { MembersService } from '../members';
import { CampaignSnapshots } from './campaign-snapshots';
import {
  checkoutRequestHash,
  IDEMPOTENCY_KEY_PATTERN,
  normalizeLines,
  normalizeRemark,
} from './domain/checkout-request';
import { OrderNumberGenerator } from './domain/order-number';
import { FlashSaleGuard } from './flash-sale-guard';
import { OrderDeadlineClock } from './jobs/order-deadline.clock';
import { OrderQueries } from './order-queries.service';
import { actorOf, ORDER_EVENTS, OrderTimeline } from './order-timeline';
import { OrderLineEntity } from './persistence/order-line.entity';
import { OrderEntity } from './persistence/order.entity';
import { findByIdempotencyKey, heldByMember, takeQuotas } from './persistence/order.repository';

const campaignNotFound = () => new NotFoundError('CAMPAIGN_NOT_FOUND', '活动不存在或未开始');

const CLOSED_MESSAGES = {
  not_live: '该团购已结束',
  not_started: '该团购还没开始',
  cut_off: '该团购已截单',
} as const;

/** The buyer's leader, when they have one that takes orders. */
interface BuyerLeader {
  leader: LeaderIdentity | null;
  /** Bound to a leader who takes no orders now (suspended). */
  suspended: boolean;
}

/**
 * Checkout: prices a cart (preview) and places orders. The server prices everything; stock is reserved
 * by conditional updates; a retry with the same Idempotency-Key returns the same order. See docs/orders.md.
 */
@Injectable()
export class CheckoutService {
  private readonly numbers = new OrderNumberGenerator();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly snapshots: CampaignSnapshots,
    private readonly campaigns: CampaignOrderingService,
    private readonly inventory: InventoryService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly timeline: OrderTimeline,
    private readonly gate: FlashSaleGuard,
    private readonly deadlines: OrderDeadlineClock,
    private readonly queries: OrderQueries,
  ) {}

  /** POST /api/app/orders/preview */
  async preview(
    ctx: RequestContext,
    request: OrderPreviewRequest,
    now: Date = new Date(),
  ): Promise<OrderPreview> {
    const { memberId } = requireMember(ctx);
    const campaign = await this.campaigns.snapshot(request.campaignId);
    const buyer = await this.buyerLeader(this.dataSource.manager, memberId);
    if (!campaign || !isVisible(campaign, buyer)) throw campaignNotFound();
    const lines = normalizeLines(request.lines);
    const held = await heldByMember(
      this.dataSource.manager,
      memberId,
      lines.map((l) => l.itemId),
    );
    const pricing = price(campaign, lines, now, held);
    const byId = new Map(campaign.items.map((i) => [i.itemId, i]));
    const problemOf = new Map(pricing.problems.map((p) => [p.itemId, p]));
    const summary = buyer.leader ? await this.leaders.getSummary(buyer.leader.id) : null;
    const blocked = !buyer.leader
      ? {
          reason: 'no_leader' as const,
          message: buyer.suspended ? '你的团长暂停接单，请更换自提点' : '请先选择自提点',
        }
      : pricing.closed
        ? { reason: pricing.closed, message: CLOSED_MESSAGES[pricing.closed] }
        : null;
    return {
      campaignId: campaign.id,
      campaignTitle: campaign.title,
      cutoffAt: campaign.cutoffAt.toISOString(),
      pickupDate: campaign.pickupDate,
      flashSale: campaign.flashSale,
      lines: pricing.lines.map((line) => {
        const item = byId.get(line.itemId)!;
        const problem = problemOf.get(line.itemId);
        return {
          itemId: item.itemId,
          skuId: item.skuId,
          productId: item.productId,
          productName: item.productName,
          specText: item.specText,
          imageUrl: item.imageUrl,
          unitPrice: line.unitPrice,
          originalPrice: item.originalPrice,
          quantity: line.quantity,
          lineTotal: line.lineTotal,
          perMemberLimit: item.perMemberLimit,
          limitLeft:
            item.perMemberLimit > 0 ? Math.max(0, item.perMemberLimit - (held.get(item.itemId) ?? 0)) : null,
          remaining: item.sellable ? remainingOf(item) : 0,
          problem: problem ? { kind: problem.kind, message: problem.message } : null,
        };
      }),
      goodsAmount: pricing.total,
      payableAmount: pricing.total,
      orderable: pricing.ok && blocked === null,
      blocked,
      pickup: summary
        ? {
            leaderId: summary.id,
            leaderName: summary.name,
            leaderPhone: summary.phone,
            pickupPoint: summary.pickupPoint,
          }
        : null,
    };
  }

  /** POST /api/app/orders (Idempotency-Key) → the order, and whether it was a replay of an earlier request. */
  async place(
    ctx: RequestContext,
    idempotencyKey: string | undefined,
    request: CreateOrderRequest,
  ): Promise<{ order: OrderDetail; replayed: boolean }> {
    const { memberId } = requireMember(ctx);
    if (!idempotencyKey || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new BusinessError(
        'ORDER_IDEMPOTENCY_KEY_MISSING',
        '请求缺少有效的 Idempotency-Key（8–64 位字母、数字、- 或 _）',
        400,
      );
    }
    const lines = normalizeLines(request.lines);
    const remark = normalizeRemark(request.remark);
    const requestHash = checkoutRequestHash({ campaignId: request.campaignId, lines, remark });
    const replay = () => this.replay(ctx, memberId, idempotencyKey, requestHash);

    // Fast refusals from a 2-second snapshot: no database round trip for a closed campaign or a bad line.
    const campaign = await this.snapshots.get(request.campaignId);
    if (!campaign) throw campaignNotFound();
    assertOrderable(price(campaign, lines, new Date(), new Map()), { skipStock: true });

    const order: NewOrder = { campaign, lines, remark, idempotencyKey, requestHash };
    if (this.gate.guards(campaign)) {
      const decision = await this.gate.admit(campaign, memberId, idempotencyKey, lines);
      if (decision.kind === 'replay') return replay();
      if (decision.kind === 'sold_out') throw soldOut(campaign, decision.itemId, decision.remaining);
      if (decision.kind === 'over_limit') throw overLimit(campaign, decision.itemId, decision.bought);
      try {
        return { order: await this.create(ctx, memberId, order), replayed: false };
      } catch (error) {
        await this.gate.giveBack(campaign.id, memberId, lines, idempotencyKey);
        if (isUniqueViolation(error)) return replay();
        if (isBusiness(error, ['ORDER_SOLD_OUT', 'ORDER_LIMIT_EXCEEDED']))
          await this.gate.distrust(campaign.id);
        throw error;
      }
    }

    const earlier = await findByIdempotencyKey(this.dataSource.manager, memberId, idempotencyKey);
    if (earlier) return replay();
    try {
      return { order: await this.create(ctx, memberId, order), replayed: false };
    } catch (error) {
      // The same key raced itself: the other request created the order.
      if (isUniqueViolation(error)) return replay();
      throw error;
    }
  }

  /**
   * One transaction; the rows every order touches (campaign counters, SKU stock) are updated LAST, so
   * their locks are held for the shortest time. Any refusal rolls everything back.
   */
  private async create(ctx: RequestContext, memberId: number, input: NewOrder): Promise<OrderDetail> {
    const { campaign } = input;
    const payDeadlineAt = new Date(Date.now() + this.config.orders.payTimeoutMinutes * 60_000);
    const orderId = await this.tx.run(
      async (m) => {
        const now = new Date();
        const buyer = await this.buyerLeader(m, memberId);
        if (!buyer.leader) {
          throw new ConflictError(
            'ORDER_NO_PICKUP_POINT',
            buyer.suspended ? '你的团长暂停接单，请更换自提点后再下单' : '请先选择自提点',
          );
        }
        if (!isOfferedAt(campaign.audience, buyer.leader)) throw campaignNotFound();
        const fresh = await this.campaigns.headersOf([campaign.id], m);
        const header = fresh.get(campaign.id);
        if (!header) throw campaignNotFound();
        assertOrderable(price({ ...campaign, ...header }, input.lines, now, new Map()), { skipStock: true });

        const pricing = price(campaign, input.lines, now, new Map());
        const items = new Map(campaign.items.map((i) => [i.itemId, i]));
        const quotaLines = input.lines
          .map((l) => ({ ...l, limit: items.get(l.itemId)!.perMemberLimit }))
          // Flash sales track every item per member (the gate is rebuilt from these rows).
          .filter((l) => l.limit > 0 || campaign.flashSale);
        const over = await takeQuotas(m, memberId, quotaLines);
        if (over) throw overLimit(campaign, over.itemId, over.held);

        const summary = await this.leaders.getSummary(buyer.leader.id, m);
        const order = m.getRepository(OrderEntity).create({
          orderNo: this.numbers.next(now),
          memberId,
          leaderId: buyer.leader.id,
          campaignId: campaign.id,
          status: 'pending_payment',
          flashSale: campaign.flashSale,
          goodsAmount: pricing.total,
          discountAmount: 0,
          payableAmount: pricing.total,
          paidAmount: 0,
          refundedAmount: 0,
          itemCount: input.lines.reduce((sum, l) => sum + l.quantity, 0),
          remark: input.remark,
          idempotencyKey: input.idempotencyKey,
          requestHash: input.requestHash,
          stockLines: [],
          pickupSnapshot: {
            leaderName: summary?.name ?? buyer.leader.name,
            leaderPhone: summary?.phone ?? null,
            pickupPoint: summary?.pickupPoint ?? null,
          },
          payDeadlineAt,
          paidAt: null,
          readyAt: null,
          pickedUpAt: null,
          cancelledAt: null,
          cancelReason: null,
          pickupCode: null,
          openPickupCode: null,
        });
        await m.getRepository(OrderEntity).insert(order);
        order.id = Number(order.id);
        await m.getRepository(OrderLineEntity).insert(
          pricing.lines.map((line) => {
            const item = items.get(line.itemId)!;
            return {
              orderId: order.id,
              campaignItemId: item.itemId,
              skuId: item.skuId,
              productId: item.productId,
              productName: item.productName.slice(0, 100),
              specText: item.specText.slice(0, 100),
              imageUrl: item.imageUrl,
              unitPrice: line.unitPrice,
              originalPrice: item.originalPrice,
              quantity: line.quantity,
              lineTotal: line.lineTotal,
            };
          }),
        );
        await this.timeline.record(m, order, {
          type: 'placed',
          from: null,
          to: 'pending_payment',
          actor: actorOf(ctx),
          note: input.remark ? `备注：${input.remark}` : null,
          publish: ORDER_EVENTS.placed,
        });

        // Hot rows last: campaign counters, then stock.
        await this.campaigns.recordSale(m, input.lines);
        const stockLines = await this.reserve(m, ctx, order, pricing.lines);
        await m.getRepository(OrderEntity).update({ id: order.id }, { stockLines });
        this.deadlines.scheduleAfterCommit(m, order.id, payDeadlineAt);
        return order.id;
        // READ COMMITTED: the quota UPDATE of a row that does not exist yet would otherwise take a gap lock
        // in REPEATABLE READ, and two first orders of different members would deadlock on their INSERTs.
      },
      { readCommitted: true },
    );
    return this.queries.buyerDetail(ctx, orderId);
  }

  private async reserve(
    m: EntityManager,
    ctx: RequestContext,
    order: OrderEntity,
    lines: ReadonlyArray<{ skuId: number; quantity: number }>,
  ) {
    try {
      return await this.inventory.reserve(m, ctx, {
        lines: lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
        orderId: order.id,
        requestKey: order.orderNo,
      });
    } catch (error) {
      if (isBusiness(error, ['INVENTORY_INSUFFICIENT_STOCK'])) {
        throw new ConflictError('ORDER_SOLD_OUT', '手慢了，商品库存不足');
      }
      throw error;
    }
  }

  /** The order an earlier request with this key created; 409 when the key came with another body. */
  private async replay(
    ctx: RequestContext,
    memberId: number,
    idempotencyKey: string,
    requestHash: string,
  ): Promise<{ order: OrderDetail; replayed: boolean }> {
    const earlier = await findByIdempotencyKey(this.dataSource.manager, memberId, idempotencyKey);
    if (!earlier) {
      // Admitted by the flash-sale gate under this key, still being written (or refused since).
      throw new ConflictError('ORDER_IN_PROGRESS', '订单正在提交，请稍后刷新订单列表');
    }
    if (earlier.requestHash !== requestHash) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一笔订单，请刷新后重试');
    }
    return { order: await this.queries.buyerDetail(ctx, earlier.id), replayed: true };
  }

  private async buyerLeader(m: EntityManager, memberId: number): Promise<BuyerLeader> {
    const leaderId = await this.members.currentLeaderIdOf(memberId, m);
    if (leaderId === null) return { leader: null, suspended: false };
    const leader = await this.leaders.identityOf(leaderId, m);
    if (!leader || !leader.active) return { leader: null, suspended: true };
    return { leader, suspended: false };
  }
}

interface NewOrder {
  campaign: OrderingCampaign;
  lines: OrderLineInput[];
  remark: string | null;
  idempotencyKey: string;
  requestHash: string;
}

/** A buyer sees a live or ended campaign offered at their leader (as on the campaign page). */
function isVisible(campaign: OrderingCampaign, buyer: BuyerLeader): boolean {
  return (
    (campaign.status === 'live' || campaign.status === 'ended') &&
    isOfferedAt(campaign.audience, buyer.leader)
  );
}

function price(
  campaign: Pick<OrderingCampaign, 'status' | 'startAt' | 'cutoffAt' | 'endAt' | 'items'>,
  lines: OrderLineInput[],
  now: Date,
  held: ReadonlyMap<number, number>,
): PricingResult {
  return priceCampaignLines({
    campaign,
    now,
    items: campaign.items.map((i: OrderingItem) => ({
      itemId: i.itemId,
      skuId: i.skuId,
      groupPrice: i.groupPrice,
      perMemberLimit: i.perMemberLimit,
      stockCap: i.stockCap,
      soldQuantity: i.soldQuantity,
      available: i.available,
      sellable: i.sellable,
    })),
    lines,
    priorQuantities: held,
  });
}

/**
 * Refuses what can be told without reserving: the campaign closed, unknown items, bad quantities, items
 * off sale. With `skipStock`, stock and limit problems are left to the atomic updates (a snapshot's
 * counters may be a moment old; the updates are exact).
 */
function assertOrderable(pricing: PricingResult, options: { skipStock: boolean }): void {
  if (pricing.closed) throw new ConflictError('ORDER_CAMPAIGN_CLOSED', CLOSED_MESSAGES[pricing.closed]);
  const stockKinds = ['sold_out', 'insufficient_stock', 'over_limit'];
  const problems = pricing.problems.filter((p) => !(options.skipStock && stockKinds.includes(p.kind)));
  if (problems.length === 0 && pricing.lines.length > 0) return;
  const fields: FieldError[] = problems.map((p) => ({ field: `lines.${p.index}`, errors: [p.message] }));
  throw new BusinessError(
    'ORDER_LINE_PROBLEM',
    problems[0]?.message ?? '请至少选择一件商品',
    409,
    fields.length > 0 ? fields : undefined,
  );
}

function itemName(campaign: OrderingCampaign, itemId: number): string {
  const item = campaign.items.find((i) => i.itemId === itemId);
  if (!item) return '该商品';
  // A product without spec dimensions has one SKU named 默认: not worth saying.
  return item.specText && item.specText !== '默认'
    ? `${item.productName}（${item.specText}）`
    : item.productName;
}

function soldOut(campaign: OrderingCampaign, itemId: number, remaining: number): ConflictError {
  return new ConflictError(
    'ORDER_SOLD_OUT',
    remaining > 0
      ? `${itemName(campaign, itemId)} 仅剩 ${remaining} 件`
      : `${itemName(campaign, itemId)} 已抢光`,
  );
}

function overLimit(campaign: OrderingCampaign, itemId: number, held: number): ConflictError {
  const limit = campaign.items.find((i) => i.itemId === itemId)?.perMemberLimit ?? 0;
  return new ConflictError(
    'ORDER_LIMIT_EXCEEDED',
    `${itemName(campaign, itemId)} 每人限购 ${limit} 件${held > 0 ? `，您已购买 ${held} 件` : ''}`,
  );
}

function isBusiness(error: unknown, codes: string[]): boolean {
  return error instanceof BusinessError && codes.includes(error.code);
}
