import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { OrderLineInput } from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  BusinessError,
  bulkInsert,
  ConflictError,
  NotFoundError,
  OutboxService,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { CampaignOrderingService, isOfferedAt, type OrderingCampaign, type OrderingItem } from '../campaigns';
import { InventoryService } from '../inventory';
import { LeadersService, type LeaderIdentity } from '../leaders';
import { MembersService } from '../members';
import { admitBatch, type Admission, type OrderDemand } from './domain/batch-admission';
import { OrderNumberGenerator } from './domain/order-number';
import { OrderDeadlineClock } from './jobs/order-deadline.clock';
import { closedMessage, itemLabel, priceOrder } from './order-pricing';
import { actorOf, ORDER_EVENTS } from './order-timeline';
import { OrderEventEntity } from './persistence/order-event.entity';
import { OrderEntity, type StockLine } from './persistence/order.entity';
import { linesOf, releaseQuotas, takeQuotas, type OrderRecord } from './persistence/order.repository';

/** An order a buyer asks for, checked for shape already (the lines merged, the key valid). */
export interface OrderRequest {
  ctx: RequestContext;
  memberId: number;
  /** The campaign as checkout saw it (prices and limits cannot change while it is live). */
  campaign: OrderingCampaign;
  lines: OrderLineInput[];
  remark: string | null;
  idempotencyKey: string;
  requestHash: string;
}

export type WriteOutcome =
  | { kind: 'created'; record: OrderRecord; timeline: OrderEventEntity[] }
  /** An order with this member and key exists (or an earlier request of this batch wrote it). */
  | { kind: 'replay' }
  | { kind: 'refused'; error: BusinessError };

interface Pending {
  request: OrderRequest;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

const ORDER_COLUMNS = [
  'order_no',
  'member_id',
  'leader_id',
  'campaign_id',
  'status',
  'flash_sale',
  'goods_amount',
  'discount_amount',
  'payable_amount',
  'paid_amount',
  'refunded_amount',
  'item_count',
  'remark',
  'idempotency_key',
  'request_hash',
  'stock_lines',
  'pickup_snapshot',
  'pay_deadline_at',
  'created_at',
  'updated_at',
];
const LINE_COLUMNS = [
  'order_id',
  'campaign_item_id',
  'sku_id',
  'product_id',
  'product_name',
  'spec_text',
  'image_url',
  'unit_price',
  'original_price',
  'quantity',
  'line_total',
];
const EVENT_COLUMNS = [
  'order_id',
  'type',
  'from_status',
  'to_status',
  'actor_type',
  'actor_id',
  'actor_name',
  'note',
  'created_at',
];

/** Most orders written in one transaction (a multi-row insert stays a modest statement). */
const MAX_BATCH = 200;

const campaignNotFound = () => new NotFoundError('CAMPAIGN_NOT_FOUND', '活动不存在或未开始');

/**
 * Writes orders in batches: a group commit at the application level. Every order of a campaign locks
 * the same rows (its items' sold counters, its SKUs' stock) and holds them until COMMIT, whose log flush
 * takes milliseconds; one transaction per order would cap a popular item at a few hundred orders a
 * second. So the orders of a campaign that arrive while a batch is being written wait for the next one
 * (no timer: an idle system writes a lone order at once), and a batch locks the hot rows once, decides
 * in memory which orders fit (`admitBatch`), and books them with one update per row and multi-row
 * inserts. Each order still gets its own answer: a refusal (sold out, over the limit, no pickup point)
 * refuses that order only. If a batch fails as a whole (a deadlock, a duplicate key from another
 * process), its orders are written again one by one, so one bad order never takes the others down.
 */
@Injectable()
export class OrderWriter {
  private readonly logger = new Logger(OrderWriter.name);
  private readonly numbers = new OrderNumberGenerator();
  /** Orders waiting per campaign; a campaign is in `writing` while its drain loop runs. */
  private readonly waiting = new Map<number, Pending[]>();
  private readonly writing = new Set<number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly campaigns: CampaignOrderingService,
    private readonly inventory: InventoryService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly outbox: OutboxService,
    private readonly deadlines: OrderDeadlineClock,
  ) {}

  write(request: OrderRequest): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      const campaignId = request.campaign.id;
      const queue = this.waiting.get(campaignId) ?? [];
      queue.push({ request, resolve, reject });
      this.waiting.set(campaignId, queue);
      if (!this.writing.has(campaignId)) void this.drain(campaignId);
    });
  }

  private async drain(campaignId: number): Promise<void> {
    this.writing.add(campaignId);
    try {
      for (
        let queue = this.waiting.get(campaignId);
        queue && queue.length > 0;
        queue = this.waiting.get(campaignId)
      ) {
        await this.writeWithFallback(queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.writing.delete(campaignId);
      this.waiting.delete(campaignId);
    }
  }

  private async writeWithFallback(batch: Pending[]): Promise<void> {
    try {
      const started = Date.now();
      const outcomes = await this.writeBatch(batch.map((p) => p.request));
      this.logger.debug({ orders: batch.length, ms: Date.now() - started }, 'order batch written');
      batch.forEach((p, i) => p.resolve(outcomes[i]));
      return;
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      this.logger.warn(
        { err: error, orders: batch.length },
        'order batch failed; writing its orders one by one',
      );
    }
    for (const pending of batch) {
      try {
        pending.resolve((await this.writeBatch([pending.request]))[0]);
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  /** One transaction for the whole batch; see the class comment. */
  private writeBatch(requests: OrderRequest[]): Promise<WriteOutcome[]> {
    return this.tx.run(
      (m) =>
        new BatchWrite(m, requests, this.config.orders.payTimeoutMinutes, this.numbers, this.deps()).run(),
      // READ COMMITTED: quota rows that do not exist yet take no gap locks (two first orders of different
      // members would otherwise deadlock on their inserts).
      { readCommitted: true },
    );
  }

  private deps(): BatchDeps {
    return {
      campaigns: this.campaigns,
      inventory: this.inventory,
      members: this.members,
      leaders: this.leaders,
      outbox: this.outbox,
      deadlines: this.deadlines,
    };
  }
}

interface BatchDeps {
  campaigns: CampaignOrderingService;
  inventory: InventoryService;
  members: MembersService;
  leaders: LeadersService;
  outbox: OutboxService;
  deadlines: OrderDeadlineClock;
}

/** The work of one batch transaction, step by step (state of one batch only). */
class BatchWrite {
  private readonly campaign: OrderingCampaign;
  private readonly items: Map<number, OrderingItem>;
  private readonly outcomes: Array<WriteOutcome | null>;
  private readonly leaderOf = new Map<number, LeaderIdentity>();
  private readonly now = new Date();
  private readonly payDeadlineAt: Date;

  constructor(
    private readonly m: EntityManager,
    private readonly requests: OrderRequest[],
    payTimeoutMinutes: number,
    private readonly numbers: OrderNumberGenerator,
    private readonly deps: BatchDeps,
  ) {
    this.campaign = requests[0].campaign;
    this.items = new Map(this.campaign.items.map((i) => [i.itemId, i]));
    this.outcomes = requests.map(() => null);
    this.payDeadlineAt = new Date(this.now.getTime() + payTimeoutMinutes * 60_000);
  }

  async run(): Promise<WriteOutcome[]> {
    const { campaigns, inventory } = this.deps;
    // The campaign as it is now (a staff member may have ended it a second ago).
    const header = (await campaigns.headersOf([this.campaign.id], this.m)).get(this.campaign.id);
    if (!header) throw campaignNotFound();
    const closed = priceOrder({ ...this.campaign, ...header }, [], this.now).closed;
    if (closed) {
      const error = new ConflictError('ORDER_CAMPAIGN_CLOSED', closedMessage(closed));
      return this.requests.map(() => ({ kind: 'refused', error }));
    }
    await this.markReplays();
    await this.checkBuyers();
    const quotaHolders = await this.takeQuotas();

    // The hot rows, locked once for the batch; which orders fit is decided in memory.
    const candidates = this.open();
    const stock = await this.stockLines(candidates);
    const demands: OrderDemand[] = candidates.map((i) => ({
      items: this.requests[i].lines,
      stock: stock.get(i)!,
    }));
    const itemCounters = await campaigns.lockCounters(
      this.m,
      demands.flatMap((d) => d.items.map((l) => l.itemId)),
    );
    const locked = await inventory.lockForReservations(
      this.m,
      demands.flatMap((d) => d.stock.map((s) => s.skuId)),
    );
    const admission = admitBatch(
      demands,
      itemCounters,
      [...locked.values()].map((s) => ({ skuId: s.id, stock: s.stock, reserved: s.reserved })),
    );
    const admitted: Array<{ index: number; steps: Extract<Admission, { admitted: true }>['steps'] }> = [];
    admission.orders.forEach((result, k) => {
      if (result.admitted) admitted.push({ index: candidates[k], steps: result.steps });
      else this.refuse(candidates[k], this.soldOut(result));
    });
    for (const i of quotaHolders) {
      if (this.outcomes[i]?.kind === 'refused')
        await releaseQuotas(this.m, this.requests[i].memberId, this.requests[i].lines);
    }
    if (admitted.length > 0) {
      const records = await this.insertOrders(
        admitted.map((a) => a.index),
        stock,
      );
      await inventory.reserveBatch(
        this.m,
        locked,
        admitted.map(({ index, steps }) => ({
          ctx: this.requests[index].ctx,
          orderId: records.get(index)!.order.id,
          requestKey: records.get(index)!.order.orderNo,
          steps,
        })),
      );
      await campaigns.applySoldCounters(
        this.m,
        itemCounters.map((c) => ({
          itemId: c.itemId,
          before: c.soldQuantity,
          after: admission.items.get(c.itemId)?.soldQuantity ?? c.soldQuantity,
        })),
      );
      const timelines = await this.timelinesOf([...records.values()].map((r) => r.order.id));
      for (const [index, record] of records) {
        this.outcomes[index] = { kind: 'created', record, timeline: timelines.get(record.order.id) ?? [] };
      }
      this.deps.deadlines.scheduleManyAfterCommit(
        this.m,
        [...records.values()].map((r) => ({ orderId: r.order.id, deadline: this.payDeadlineAt })),
      );
    }
    // Still open: a key repeated within this batch (answered as a replay of the earlier request's order).
    return this.outcomes.map((o) => o ?? { kind: 'replay' });
  }

  private open(): number[] {
    return this.requests.map((_, i) => i).filter((i) => this.outcomes[i] === null);
  }

  private refuse(i: number, error: BusinessError): void {
    this.outcomes[i] = { kind: 'refused', error };
  }

  /** Keys used before (a retry) and repeated within the batch are replays, not written again. */
  private async markReplays(): Promise<void> {
    const existing = await this.m.getRepository(OrderEntity).find({
      select: { id: true, memberId: true, idempotencyKey: true },
      where: {
        memberId: In([...new Set(this.requests.map((r) => r.memberId))]),
        idempotencyKey: In([...new Set(this.requests.map((r) => r.idempotencyKey))]),
      },
    });
    const used = new Set(existing.map((o) => `${o.memberId}:${o.idempotencyKey}`));
    const seen = new Set<string>();
    this.requests.forEach((request, i) => {
      const key = `${request.memberId}:${request.idempotencyKey}`;
      if (used.has(key)) this.outcomes[i] = { kind: 'replay' };
      // The first request with a key is written; the later ones wait for it (left open, answered as replays).
      else if (seen.has(key)) this.outcomes[i] = { kind: 'replay' };
      seen.add(key);
    });
  }

  /** Each buyer needs an active leader the campaign is offered at (their pickup point). */
  private async checkBuyers(): Promise<void> {
    const open = this.open();
    const contacts = await this.deps.members.contactsOf(
      open.map((i) => this.requests[i].memberId),
      this.m,
    );
    const leaderIds = [...contacts.values()]
      .map((c) => c.currentLeaderId)
      .filter((id): id is number => id !== null);
    const leaders = await this.deps.leaders.identitiesOf(leaderIds, this.m);
    for (const i of open) {
      const leaderId = contacts.get(this.requests[i].memberId)?.currentLeaderId ?? null;
      const leader = leaderId === null ? undefined : leaders.get(leaderId);
      if (!leader || !leader.active) {
        this.refuse(
          i,
          new ConflictError(
            'ORDER_NO_PICKUP_POINT',
            leader ? '你的团长暂停接单，请更换自提点后再下单' : '请先选择自提点',
          ),
        );
      } else if (!isOfferedAt(this.campaign.audience, leader)) {
        this.refuse(i, campaignNotFound());
      } else {
        this.leaderOf.set(i, leader);
      }
    }
  }

  /** Per-member limits: conditional updates of the buyers' own quota rows (no hot rows). */
  private async takeQuotas(): Promise<number[]> {
    const holders: number[] = [];
    for (const i of this.open()) {
      const { memberId, lines } = this.requests[i];
      const limited = lines
        .map((l) => ({ ...l, limit: this.items.get(l.itemId)?.perMemberLimit ?? 0 }))
        .filter((l) => l.limit > 0);
      if (limited.length === 0) continue;
      const over = await takeQuotas(this.m, memberId, limited);
      if (over) this.refuse(i, overLimit(this.campaign, over.itemId, over.held));
      else holders.push(i);
    }
    return holders;
  }

  /** The stocked SKU lines of each order (bundles expanded into their components). */
  private async stockLines(indexes: number[]): Promise<Map<number, StockLine[]>> {
    const skuIds = [
      ...new Set(indexes.flatMap((i) => this.requests[i].lines.map((l) => this.items.get(l.itemId)!.skuId))),
    ];
    const perUnit = await this.deps.inventory.stockLinesPerUnit(this.m, skuIds);
    return new Map(
      indexes.map((i) => {
        const totals = new Map<number, number>();
        for (const line of this.requests[i].lines) {
          for (const part of perUnit.get(this.items.get(line.itemId)!.skuId) ?? []) {
            totals.set(part.skuId, (totals.get(part.skuId) ?? 0) + part.quantity * line.quantity);
          }
        }
        const lines = [...totals.entries()]
          .sort(([a], [b]) => a - b)
          .map(([skuId, quantity]) => ({ skuId, quantity }));
        return [i, lines] as const;
      }),
    );
  }

  /** The admitted orders, their lines, their 'placed' steps and outbox events: multi-row inserts. */
  private async insertOrders(
    indexes: number[],
    stock: Map<number, StockLine[]>,
  ): Promise<Map<number, OrderRecord>> {
    const { m, now } = this;
    const summaries = await this.deps.leaders.getSummaries(
      [...new Set(indexes.map((i) => this.leaderOf.get(i)!.id))],
      m,
    );
    const orders = indexes.map((i) => {
      const request = this.requests[i];
      const leader = this.leaderOf.get(i)!;
      const summary = summaries.get(leader.id);
      const total = priceOrder(this.campaign, request.lines, now).total;
      return m.getRepository(OrderEntity).create({
        orderNo: this.numbers.next(now),
        memberId: request.memberId,
        leaderId: leader.id,
        campaignId: this.campaign.id,
        status: 'pending_payment',
        flashSale: this.campaign.flashSale,
        goodsAmount: total,
        discountAmount: 0,
        payableAmount: total,
        paidAmount: 0,
        refundedAmount: 0,
        itemCount: request.lines.reduce((sum, l) => sum + l.quantity, 0),
        remark: request.remark,
        idempotencyKey: request.idempotencyKey,
        requestHash: request.requestHash,
        stockLines: stock.get(i)!,
        pickupSnapshot: {
          leaderName: summary?.name ?? leader.name,
          leaderPhone: summary?.phone ?? null,
          pickupPoint: summary?.pickupPoint ?? null,
        },
        payDeadlineAt: this.payDeadlineAt,
        paidAt: null,
        readyAt: null,
        pickedUpAt: null,
        cancelledAt: null,
        cancelReason: null,
        pickupCode: null,
        openPickupCode: null,
      });
    });
    await bulkInsert(
      m,
      'orders',
      ORDER_COLUMNS,
      orders.map((o) => [
        o.orderNo,
        o.memberId,
        o.leaderId,
        o.campaignId,
        o.status,
        o.flashSale,
        o.goodsAmount,
        o.discountAmount,
        o.payableAmount,
        o.paidAmount,
        o.refundedAmount,
        o.itemCount,
        o.remark,
        o.idempotencyKey,
        o.requestHash,
        o.stockLines,
        o.pickupSnapshot,
        o.payDeadlineAt,
        now,
        now,
      ]),
    );
    const saved = await m
      .getRepository(OrderEntity)
      .find({ where: { orderNo: In(orders.map((o) => o.orderNo)) } });
    const byNo = new Map(saved.map((o) => [o.orderNo, o]));

    const lineRows = indexes.flatMap((i, k) => {
      const orderId = byNo.get(orders[k].orderNo)!.id;
      return priceOrder(this.campaign, this.requests[i].lines, now).lines.map((line) => {
        const item = this.items.get(line.itemId)!;
        return [
          orderId,
          item.itemId,
          item.skuId,
          item.productId,
          item.productName.slice(0, 100),
          item.specText.slice(0, 100),
          item.imageUrl,
          line.unitPrice,
          item.originalPrice,
          line.quantity,
          line.lineTotal,
        ];
      });
    });
    await bulkInsert(m, 'order_lines', LINE_COLUMNS, lineRows);
    await bulkInsert(
      m,
      'order_events',
      EVENT_COLUMNS,
      indexes.map((i, k) => {
        const actor = actorOf(this.requests[i].ctx);
        const remark = this.requests[i].remark;
        return [
          byNo.get(orders[k].orderNo)!.id,
          'placed',
          null,
          'pending_payment',
          actor.type,
          actor.id,
          actor.name,
          remark ? `备注：${remark}`.slice(0, 200) : null,
          now,
        ];
      }),
    );
    await this.deps.outbox.publishMany(
      m,
      saved.map((order) => ({
        type: ORDER_EVENTS.placed,
        aggregateId: String(order.id),
        payload: {
          orderId: order.id,
          orderNo: order.orderNo,
          memberId: order.memberId,
          leaderId: order.leaderId,
          campaignId: order.campaignId,
          status: order.status,
          payableAmount: order.payableAmount,
          paidAmount: 0,
          refundedAmount: 0,
          at: now.toISOString(),
        },
      })),
    );
    const lines = await linesOf(
      m,
      saved.map((o) => o.id),
    );
    return new Map(
      indexes.map((i, k) => {
        const order = byNo.get(orders[k].orderNo)!;
        return [i, { order, lines: lines.get(order.id) ?? [] }];
      }),
    );
  }

  private async timelinesOf(orderIds: number[]): Promise<Map<number, OrderEventEntity[]>> {
    const rows = await this.m
      .getRepository(OrderEventEntity)
      .find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } });
    const byOrder = new Map<number, OrderEventEntity[]>();
    for (const row of rows)
      byOrder.set(Number(row.orderId), [...(byOrder.get(Number(row.orderId)) ?? []), row]);
    return byOrder;
  }

  private soldOut(refusal: Extract<Admission, { admitted: false }>): ConflictError {
    const item =
      refusal.reason === 'cap'
        ? this.items.get(refusal.itemId)
        : this.campaign.items.find((i) => i.skuId === refusal.skuId);
    const name = item ? itemLabel(item) : '商品';
    return new ConflictError(
      'ORDER_SOLD_OUT',
      refusal.left > 0 ? `${name} 仅剩 ${refusal.left} 件` : `${name} 已抢光`,
    );
  }
}

export function overLimit(campaign: OrderingCampaign, itemId: number, held: number): ConflictError {
  const item = campaign.items.find((i) => i.itemId === itemId);
  const limit = item?.perMemberLimit ?? 0;
  return new ConflictError(
    'ORDER_LIMIT_EXCEEDED',
    `${item ? itemLabel(item) : '该商品'} 每人限购 ${limit} 件${held > 0 ? `，您已购买 ${held} 件` : ''}`,
  );
}
