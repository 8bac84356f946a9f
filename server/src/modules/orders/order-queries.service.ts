import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  BUYER_ORDER_TABS,
  OrderStatus,
  type AdminOrderDetail,
  type AdminOrderListItem,
  type AdminOrderListQuery,
  type BuyerOrderCounts,
  type BuyerOrderListQuery,
  type OrderDetail,
  type OrderStatusCounts,
  type OrderSummary,
  type Paged,
} from '@linli/shared-types';
import {
  NotFoundError,
  prefixPattern,
  requireMember,
  requirePermission,
  type RequestContext,
} from '../../platform';
import { CampaignOrderingService } from '../campaigns';
import { MembersService } from '../members';
import { adminRefundView, PaymentsService, RefundLedger } from '../payments';
import { ARRIVABLE, AWAITING_PICKUP, staffCancelOutcome, staffMayRefund } from './domain/order-status';
import { adminListItem, detailView, summaryView } from './order-presenter';
import { OrderEntity } from './persistence/order.entity';
import { linesOf, loadOrderRecord, timelineOf, type OrderRecord } from './persistence/order.repository';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

export const orderNotFound = () => new NotFoundError('ORDER_NOT_FOUND', '订单不存在');

/** Reading orders: the buyer's list and page, the order centre's list, counts and detail. */
@Injectable()
export class OrderQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignOrderingService,
    private readonly members: MembersService,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundLedger,
  ) {}

  /** GET /api/app/orders */
  async buyerList(ctx: RequestContext, query: BuyerOrderListQuery): Promise<Paged<OrderSummary>> {
    const { memberId } = requireMember(ctx);
    const { page, pageSize } = paging(query);
    const statuses = BUYER_ORDER_TABS[query.tab ?? 'all'].statuses;
    const qb = this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .where('o.memberId = :memberId', { memberId });
    if (statuses.length > 0) qb.andWhere('o.status IN (:...statuses)', { statuses });
    const [orders, total] = await qb
      .orderBy('o.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const records = await this.withLines(this.dataSource.manager, orders);
    const [campaigns, refunds] = await Promise.all([
      this.campaigns.headersOf(orders.map((o) => o.campaignId)),
      this.refunds.byOrders(orders.map((o) => o.id)),
    ]);
    return {
      items: records.map((r) =>
        summaryView(r, campaigns.get(r.order.campaignId), refunds.get(r.order.id) ?? []),
      ),
      total,
      page,
      pageSize,
    };
  }

  /** GET /api/app/orders/counts */
  async buyerCounts(ctx: RequestContext): Promise<BuyerOrderCounts> {
    const { memberId } = requireMember(ctx);
    const rows = await this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('o.memberId = :memberId AND o.status IN (:...open)', {
        memberId,
        open: ['pending_payment', ...AWAITING_PICKUP],
      })
      .groupBy('o.status')
      .getRawMany<{ status: OrderStatus; count: string | number }>();
    const count = (status: OrderStatus) => Number(rows.find((r) => r.status === status)?.count ?? 0);
    return {
      pendingPayment: count('pending_payment'),
      toPickup: AWAITING_PICKUP.reduce((sum, status) => sum + count(status), 0),
    };
  }

  /** GET /api/app/orders/:id — the buyer's own order only (someone else's is 404, not 403). */
  async buyerDetail(
    ctx: RequestContext,
    orderId: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<OrderDetail> {
    const { memberId } = requireMember(ctx);
    const record = await loadOrderRecord(m, orderId);
    if (!record || record.order.memberId !== memberId) throw orderNotFound();
    return this.detailOf(m, record);
  }

  async detailOf(m: EntityManager, record: OrderRecord): Promise<OrderDetail> {
    const [campaigns, refunds, events] = await Promise.all([
      this.campaigns.headersOf([record.order.campaignId], m),
      this.refunds.byOrders([record.order.id], m),
      timelineOf(m, record.order.id),
    ]);
    return detailView(
      record,
      campaigns.get(record.order.campaignId),
      refunds.get(record.order.id) ?? [],
      events,
    );
  }

  /** GET /api/admin/orders */
  async adminList(ctx: RequestContext, query: AdminOrderListQuery): Promise<Paged<AdminOrderListItem>> {
    requirePermission(ctx, 'orders.read');
    const { page, pageSize } = paging(query);
    const qb = await this.adminFiltered(query);
    if (!qb) return { items: [], total: 0, page, pageSize };
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    const [orders, total] = await qb
      .orderBy('o.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const [records, campaigns, buyers] = await Promise.all([
      this.withLines(this.dataSource.manager, orders),
      this.campaigns.headersOf(orders.map((o) => o.campaignId)),
      this.members.contactsOf(orders.map((o) => o.memberId)),
    ]);
    return {
      items: records.map((r) =>
        adminListItem(r, campaigns.get(r.order.campaignId), buyers.get(r.order.memberId)),
      ),
      total,
      page,
      pageSize,
    };
  }

  /** GET /api/admin/orders/status-counts */
  async adminStatusCounts(ctx: RequestContext, query: AdminOrderListQuery): Promise<OrderStatusCounts> {
    requirePermission(ctx, 'orders.read');
    const counts = Object.fromEntries(Object.values(OrderStatus).map((s) => [s, 0])) as OrderStatusCounts;
    const qb = await this.adminFiltered(query);
    if (!qb) return counts;
    const rows = await qb
      .select('o.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('o.status')
      .getRawMany<{ status: OrderStatus; count: string | number }>();
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  /** GET /api/admin/orders/:id */
  async adminDetail(
    ctx: RequestContext,
    orderId: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<AdminOrderDetail> {
    const staff = requirePermission(ctx, 'orders.read');
    const record = await loadOrderRecord(m, orderId);
    if (!record) throw orderNotFound();
    const [detail, buyers, payments, refunds] = await Promise.all([
      this.detailOf(m, record),
      this.members.contactsOf([record.order.memberId], m),
      this.payments.paymentsOf(orderId, m),
      this.refunds.byOrders([orderId], m),
    ]);
    const buyer = buyers.get(record.order.memberId);
    const may = (permission: 'orders.write' | 'orders.refund') =>
      !staff || staff.permissions.includes(permission);
    const { pickupQr: _qr, pickupQrText: _text, refund: _refund, ...rest } = detail;
    return {
      ...rest,
      memberId: record.order.memberId,
      buyerName: buyer?.nickname ?? `会员 #${record.order.memberId}`,
      buyerPhone: buyer?.phone ?? null,
      flashSale: record.order.flashSale,
      payments,
      refunds: (refunds.get(orderId) ?? []).map(adminRefundView),
      actions: {
        cancel: may('orders.write') && staffCancelOutcome(record.order.status) !== null,
        refund: may('orders.refund') && staffMayRefund(record.order.status),
        markReady: may('orders.write') && ARRIVABLE.includes(record.order.status),
      },
    };
  }

  /** The list's filters as a query (null: a keyword that matches no buyer, so nothing can match). */
  private async adminFiltered(query: AdminOrderListQuery): Promise<SelectQueryBuilder<OrderEntity> | null> {
    const qb = this.dataSource.getRepository(OrderEntity).createQueryBuilder('o');
    qb.where('1 = 1');
    if (query.leaderId) qb.andWhere('o.leaderId = :leaderId', { leaderId: query.leaderId });
    if (query.campaignId) qb.andWhere('o.campaignId = :campaignId', { campaignId: query.campaignId });
    if (query.memberId) qb.andWhere('o.memberId = :memberId', { memberId: query.memberId });
    if (query.createdFrom) qb.andWhere('o.createdAt >= :from', { from: new Date(query.createdFrom) });
    if (query.createdTo) qb.andWhere('o.createdAt < :to', { to: new Date(query.createdTo) });
    const keyword = query.keyword?.trim();
    if (keyword) {
      // Digits: an order number prefix, or (4–11 digits) a buyer's phone prefix; both index ranges.
      const buyerIds = /^\d{4,11}$/.test(keyword) ? await this.members.idsByPhonePrefix(keyword, 500) : [];
      qb.andWhere(
        new Brackets((or) => {
          or.where("o.orderNo LIKE :orderNo ESCAPE '!'", { orderNo: prefixPattern(keyword) });
          if (buyerIds.length > 0) or.orWhere('o.memberId IN (:...buyerIds)', { buyerIds });
        }),
      );
    }
    return qb;
  }

  private async withLines(m: EntityManager, orders: OrderEntity[]): Promise<OrderRecord[]> {
    const lines = await linesOf(
      m,
      orders.map((o) => o.id),
    );
    return orders.map((order) => ({ order, lines: lines.get(order.id) ?? [] }));
  }

  /** Orders by ids, with lines (for the leader's lists). */
  async recordsByIds(m: EntityManager, ids: number[]): Promise<OrderRecord[]> {
    if (ids.length === 0) return [];
    const orders = await m.getRepository(OrderEntity).find({ where: { id: In(ids) }, order: { id: 'DESC' } });
    return this.withLines(m, orders);
  }
}

function paging(query: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}
