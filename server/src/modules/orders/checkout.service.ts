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
  type RequestContext,
} from '../../platform';
import {
  CampaignOrderingService,
  isOfferedAt,
  remainingOf,
  type OrderingCampaign,
  type PricingResult,
} from '../campaigns';
import { LeadersService, type LeaderIdentity } from '../leaders';
import { MembersService } from '../members';
import { CampaignSnapshots } from './campaign-snapshots';
import {
  checkoutRequestHash,
  IDEMPOTENCY_KEY_PATTERN,
  normalizeLines,
  normalizeRemark,
} from './domain/checkout-request';
import { FlashSaleGuard } from './flash-sale-guard';
import { subscribeTemplateIds } from './jobs/pickup-ready-notifier';
import { OrderQueries } from './order-queries.service';
import { detailView } from './order-presenter';
import { closedMessage, itemLabel, priceOrder } from './order-pricing';
import { OrderWriter, overLimit } from './order-writer';
import { findByIdempotencyKey, heldByMember } from './persistence/order.repository';

const campaignNotFound = () => new NotFoundError('CAMPAIGN_NOT_FOUND', '活动不存在或未开始');

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
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshots: CampaignSnapshots,
    private readonly campaigns: CampaignOrderingService,
    private readonly members: MembersService,
    private readonly leaders: LeadersService,
    private readonly gate: FlashSaleGuard,
    private readonly writer: OrderWriter,
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
    const pricing = priceOrder(campaign, lines, now, held);
    const byId = new Map(campaign.items.map((i) => [i.itemId, i]));
    const problemOf = new Map(pricing.problems.map((p) => [p.itemId, p]));
    const summary = buyer.leader ? await this.leaders.getSummary(buyer.leader.id) : null;
    const blocked = !buyer.leader
      ? {
          reason: 'no_leader' as const,
          message: buyer.suspended ? '你的团长暂停接单，请更换自提点' : '请先选择自提点',
        }
      : pricing.closed
        ? { reason: pricing.closed, message: closedMessage(pricing.closed) }
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
      subscribeTemplateIds: subscribeTemplateIds(this.config),
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
    assertOrderable(priceOrder(campaign, lines, new Date()), { skipStock: true });

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
        if (error instanceof ReplayNeeded || isUniqueViolation(error)) return replay();
        if (isBusiness(error, ['ORDER_SOLD_OUT', 'ORDER_LIMIT_EXCEEDED']))
          await this.gate.distrust(campaign.id);
        throw error;
      }
    }

    try {
      return { order: await this.create(ctx, memberId, order), replayed: false };
    } catch (error) {
      // A retry of an earlier request (the writer found its key), or the same key racing itself.
      if (error instanceof ReplayNeeded || isUniqueViolation(error)) return replay();
      throw error;
    }
  }

  /** Hands the order to the batch writer and turns its outcome into the answer. */
  private async create(ctx: RequestContext, memberId: number, input: NewOrder): Promise<OrderDetail> {
    const outcome = await this.writer.write({ ctx, memberId, ...input });
    if (outcome.kind === 'refused') throw outcome.error;
    if (outcome.kind === 'replay') throw new ReplayNeeded();
    // The snapshot's title, cut-off and pickup date are what the order page shows (no extra read).
    return detailView(outcome.record, input.campaign, [], outcome.timeline);
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

/** The writer found this member's key already used: answer with that order instead. */
class ReplayNeeded extends Error {}

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

/**
 * Refuses what can be told without reserving: the campaign closed, unknown items, bad quantities, items
 * off sale. With `skipStock`, stock and limit problems are left to the atomic updates (a snapshot's
 * counters may be a moment old; the updates are exact).
 */
function assertOrderable(pricing: PricingResult, options: { skipStock: boolean }): void {
  if (pricing.closed) throw new ConflictError('ORDER_CAMPAIGN_CLOSED', closedMessage(pricing.closed));
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

function soldOut(campaign: OrderingCampaign, itemId: number, remaining: number): ConflictError {
  const item = campaign.items.find((i) => i.itemId === itemId);
  const name = item ? itemLabel(item) : '该商品';
  return new ConflictError(
    'ORDER_SOLD_OUT',
    remaining > 0 ? `${name} 仅剩 ${remaining} 件` : `${name} 已抢光`,
  );
}

function isBusiness(error: unknown, codes: string[]): boolean {
  return error instanceof BusinessError && codes.includes(error.code);
}
