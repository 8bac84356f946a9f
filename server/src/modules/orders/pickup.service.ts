import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type {
  ConfirmArrivalResponse,
  LeaderPickupCampaign,
  LeaderPickupOrder,
  LeaderPickupQuery,
  Paged,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  prefixPattern,
  requireMember,
  SHANGHAI_OFFSET_MS,
  shanghaiDate,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { CampaignOrderingService } from '../campaigns';
import { InventoryService } from '../inventory';
import { LeaderSalesRecorder, LeadersService, type LeaderIdentity } from '../leaders';
import { MembersService } from '../members';
import { ARRIVABLE, AWAITING_PICKUP } from './domain/order-status';
import { parsePickupInput, type PickupInput } from './domain/pickup-code';
import { OrderLifecycleService } from './order-lifecycle.service';
import { leaderPickupView } from './order-presenter';
import { OrderQueries } from './order-queries.service';
import { ORDER_EVENTS, OrderTimeline, type OrderActor } from './order-timeline';
import { OrderEntity } from './persistence/order.entity';
import { transition, type OrderRecord } from './persistence/order.repository';

const DEFAULT_PAGE_SIZE = 20;
/** Orders confirmed as arrived per tap (a pickup point rarely has more for one campaign). */
const ARRIVAL_BATCH = 2000;

const invalidCode = () => new NotFoundError('PICKUP_CODE_INVALID', '提货码无效，请核对后重试');

/**
 * The leader's side of self-pickup (自提核销): the orders waiting at their point, 确认到货, and handing
 * goods over by the buyer's code. Every refusal says why (wrong code, another point's code, done already).
 */
@Injectable()
export class PickupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly leaders: LeadersService,
    private readonly members: MembersService,
    private readonly campaigns: CampaignOrderingService,
    private readonly inventory: InventoryService,
    private readonly leaderSales: LeaderSalesRecorder,
    private readonly lifecycle: OrderLifecycleService,
    private readonly timeline: OrderTimeline,
    private readonly queries: OrderQueries,
  ) {}

  /** GET /api/app/leader/pickups */
  async list(ctx: RequestContext, query: LeaderPickupQuery): Promise<Paged<LeaderPickupOrder>> {
    const leader = await this.activeLeader(ctx);
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, 100);
    const statuses = query.status === 'picked_up' ? ['picked_up'] : [...AWAITING_PICKUP];
    const qb = this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .where('o.leaderId = :leaderId AND o.status IN (:...statuses)', { leaderId: leader.id, statuses });
    if (query.campaignId) qb.andWhere('o.campaignId = :campaignId', { campaignId: query.campaignId });
    const keyword = query.keyword?.trim();
    if (keyword) {
      if (/^\d{4}$/.test(keyword)) {
        const buyers = await this.members.idsByPhoneTail(leader.id, keyword);
        if (buyers.length === 0) return { items: [], total: 0, page, pageSize };
        qb.andWhere('o.memberId IN (:...buyers)', { buyers });
      } else {
        qb.andWhere("o.orderNo LIKE :orderNo ESCAPE '!'", { orderNo: prefixPattern(keyword) });
      }
    }
    qb.orderBy(query.status === 'picked_up' ? 'o.pickedUpAt' : 'o.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    const [orders, total] = await qb.getManyAndCount();
    return {
      items: await this.views(
        this.dataSource.manager,
        orders.map((o) => o.id),
      ),
      total,
      page,
      pageSize,
    };
  }

  /** GET /api/app/leader/pickups/campaigns: campaigns with orders waiting at this point, soonest pickup first. */
  async campaignsWaiting(ctx: RequestContext): Promise<LeaderPickupCampaign[]> {
    const leader = await this.activeLeader(ctx);
    const waiting = await this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .select('DISTINCT o.campaignId', 'campaignId')
      .where('o.leaderId = :leaderId AND o.status IN (:...waiting)', {
        leaderId: leader.id,
        waiting: AWAITING_PICKUP,
      })
      .getRawMany<{ campaignId: number }>();
    const campaignIds = waiting.map((w) => Number(w.campaignId));
    if (campaignIds.length === 0) return [];
    const counts = await this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .select('o.campaignId', 'campaignId')
      .addSelect('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('o.leaderId = :leaderId AND o.campaignId IN (:...campaignIds)', {
        leaderId: leader.id,
        campaignIds,
      })
      .andWhere('o.status IN (:...counted)', { counted: [...AWAITING_PICKUP, 'picked_up'] })
      .groupBy('o.campaignId')
      .addGroupBy('o.status')
      .getRawMany<{ campaignId: number; status: string; count: string | number }>();
    const headers = await this.campaigns.headersOf(campaignIds);
    const count = (campaignId: number, status: string) =>
      Number(counts.find((c) => Number(c.campaignId) === campaignId && c.status === status)?.count ?? 0);
    return campaignIds
      .map((id) => ({
        campaignId: id,
        campaignTitle: headers.get(id)?.title ?? '（活动已删除）',
        pickupDate: headers.get(id)?.pickupDate ?? '',
        paidCount: count(id, 'paid') + count(id, 'locked') + count(id, 'shipped'),
        readyCount: count(id, 'ready_for_pickup'),
        pickedUpCount: count(id, 'picked_up'),
      }))
      .sort((a, b) => a.pickupDate.localeCompare(b.pickupDate) || a.campaignId - b.campaignId);
  }

  /** POST /api/app/leader/pickups/arrive: the campaign's goods arrived here; its paid, locked and shipped orders are ready. */
  async confirmArrival(ctx: RequestContext, campaignId: number): Promise<ConfirmArrivalResponse> {
    const leader = await this.activeLeader(ctx);
    const actor = leaderActor(leader);
    return this.tx.run(async (m) => {
      const orders = await m.getRepository(OrderEntity).find({
        where: { leaderId: leader.id, campaignId, status: In([...ARRIVABLE]) },
        order: { id: 'ASC' },
        take: ARRIVAL_BATCH,
      });
      let updated = 0;
      for (const order of orders) {
        if (await this.lifecycle.markReady(m, { order, lines: [] }, actor)) updated += 1;
      }
      return { updated };
    });
  }

  /** POST /api/app/leader/pickups/lookup: what the code would hand over (nothing changes). */
  async lookup(ctx: RequestContext, code: string): Promise<LeaderPickupOrder> {
    const leader = await this.activeLeader(ctx);
    const input = parseCode(code);
    const order = await this.findOpen(this.dataSource.manager, leader.id, input);
    if (!order) throw await this.whyNot(this.dataSource.manager, leader.id, input);
    return (await this.views(this.dataSource.manager, [order.id]))[0];
  }

  /** POST /api/app/leader/pickups/verify: hands the goods over (→ picked_up), once. */
  async verify(ctx: RequestContext, code: string): Promise<LeaderPickupOrder> {
    const leader = await this.activeLeader(ctx);
    const input = parseCode(code);
    const orderId = await this.tx.run(async (m) => {
      const order = await this.findOpen(m, leader.id, input);
      if (!order) throw await this.whyNot(m, leader.id, input);
      const now = new Date();
      const moved = await transition(m, order.id, AWAITING_PICKUP, 'picked_up', {
        pickedUpAt: now,
        readyAt: order.readyAt ?? now,
        openPickupCode: null,
      });
      // Another device verified the same code a moment ago.
      if (!moved) throw new ConflictError('PICKUP_ALREADY_DONE', '该订单刚刚已核销，请勿重复提货');
      await this.timeline.record(
        m,
        { ...order, status: 'picked_up' },
        {
          type: 'picked_up',
          from: order.status,
          to: 'picked_up',
          actor: leaderActor(leader),
          note: input.orderNo ? '扫码核销' : '输入提货码核销',
          publish: ORDER_EVENTS.pickedUp,
        },
      );
      // The rows every pickup of the same goods (the SKU) or the same point (the day's sales) touches
      // come last, so their locks are held only until the commit, not through the inserts above.
      await this.inventory.sale(m, ctx, {
        lines: order.stockLines,
        orderId: order.id,
        requestKey: order.orderNo,
      });
      await this.leaderSales.addWith(m, leader.id, shanghaiDate(now), order.paidAmount, 1);
      return order.id;
    });
    return (await this.views(this.dataSource.manager, [orderId]))[0];
  }

  private async findOpen(
    m: EntityManager,
    leaderId: number,
    input: PickupInput,
  ): Promise<OrderEntity | null> {
    const order = await m.getRepository(OrderEntity).findOneBy({ leaderId, openPickupCode: input.code });
    if (!order || (input.orderNo !== null && order.orderNo !== input.orderNo)) return null;
    return order;
  }

  /** Why a code opened nothing here: another point's order, one handed over already, unpaid, or simply wrong. */
  private async whyNot(m: EntityManager, leaderId: number, input: PickupInput): Promise<BusinessError> {
    const repo = m.getRepository(OrderEntity);
    const named = input.orderNo ? await repo.findOneBy({ orderNo: input.orderNo }) : null;
    if (named && named.pickupCode === input.code) {
      if (named.leaderId !== leaderId) return otherLeader();
      if (named.status === 'picked_up') return alreadyDone(named);
      if (named.status === 'pending_payment')
        return new ConflictError('PICKUP_NOT_READY', '该订单尚未支付，不能提货');
      return new ConflictError('PICKUP_NOT_READY', '该订单已取消或已退款，不能提货');
    }
    if (input.orderNo) return invalidCode();
    if (await repo.exists({ where: { openPickupCode: input.code, leaderId: Not(leaderId) } }))
      return otherLeader();
    const done = await repo.findOne({
      where: { leaderId, pickupCode: input.code, status: 'picked_up', pickedUpAt: Not(IsNull()) },
      order: { pickedUpAt: 'DESC' },
    });
    return done ? alreadyDone(done) : invalidCode();
  }

  private async views(m: EntityManager, ids: number[]): Promise<LeaderPickupOrder[]> {
    const records: OrderRecord[] = await this.queries.recordsByIds(m, ids);
    const [headers, buyers] = await Promise.all([
      this.campaigns.headersOf(
        records.map((r) => r.order.campaignId),
        m,
      ),
      this.members.contactsOf(
        records.map((r) => r.order.memberId),
        m,
      ),
    ]);
    const byId = new Map(records.map((r) => [r.order.id, r]));
    return ids
      .map((id) => byId.get(id))
      .filter((r): r is OrderRecord => r !== undefined)
      .map((r) => leaderPickupView(r, headers.get(r.order.campaignId), buyers.get(r.order.memberId)));
  }

  private async activeLeader(ctx: RequestContext): Promise<LeaderIdentity> {
    const { memberId } = requireMember(ctx);
    const leader = await this.leaders.identityOfMember(memberId);
    if (!leader || !leader.active)
      throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有正常经营的团长可以核销提货');
    return leader;
  }
}

function parseCode(code: string): PickupInput {
  const input = parsePickupInput(code);
  if (!input) throw invalidCode();
  return input;
}

function leaderActor(leader: LeaderIdentity): OrderActor {
  return { type: 'leader', id: leader.id, name: `团长 ${leader.name}` };
}

function otherLeader(): ForbiddenError {
  return new ForbiddenError(
    'PICKUP_CODE_OTHER_LEADER',
    '这是其他自提点的订单，请让买家到下单时选择的自提点提货',
  );
}

function alreadyDone(order: OrderEntity): ConflictError {
  const at = order.pickedUpAt ? `（${formatShanghai(order.pickedUpAt)}）` : '';
  return new ConflictError('PICKUP_ALREADY_DONE', `该订单已提货${at}，请勿重复核销`);
}

function formatShanghai(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}
