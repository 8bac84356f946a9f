import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import type {
  AdminAfterSalesCaseView,
  AfterSalesCaseView,
  AfterSalesEventType,
  AfterSalesListQuery,
  AfterSalesReason,
  AfterSalesSettings,
  AfterSalesSettingsInput,
  AfterSalesSource,
  CreateAfterSalesRequest,
  Paged,
  PageQuery,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  FILE_STORAGE,
  type FileStorage,
  ForbiddenError,
  isUniqueViolation,
  NotFoundError,
  requireMember,
  requirePermission,
  systemContext,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { InventoryService } from '../inventory';
import { LeadersService, type LeaderIdentity } from '../leaders';
import { MembersService } from '../members';
import { OrderRefundsService, REFUNDABLE, type OrderActor, type RefundAsk } from '../orders';
import { RefundLedger } from '../payments';
import {
  approvesAtOnce,
  autoApproveAt,
  buyerMayGive,
  caseNumber,
  rulesProblems,
} from './domain/aftersales-rules';
import {
  AfterSalesCaseEntity,
  AfterSalesEventEntity,
  AfterSalesLineEntity,
  AfterSalesSettingsEntity,
} from './persistence/aftersales.entities';

const SYSTEM: OrderActor = { type: 'system', id: null, name: '系统' };
const MAX_PAGE_SIZE = 100;

/** What another context asks for when goods arrived short or damaged at the pickup point. */
export interface PickupReportCase {
  orderId: number;
  reason: 'shortage' | 'damage';
  lines: Array<{ orderLineId: number; quantity: number }>;
  note?: string | null;
  photoKeys?: string[];
  /** Idempotency key of the report (e.g. `receipt:<receiptId>:<orderId>`), ≤ 64 characters. */
  requestId: string;
  /** Who reported (the leader); the system when absent. */
  reportedBy?: OrderActor;
}

interface NewCase {
  orderId: number;
  source: AfterSalesSource;
  reason: AfterSalesReason;
  description: string | null;
  photoKeys: string[];
  lines: Array<{ orderLineId: number; quantity: number }>;
  requestId: string;
  actor: OrderActor;
}

const notFound = () => new NotFoundError('AFTERSALES_NOT_FOUND', '售后单不存在');

/**
 * After-sales cases (售后单): requests, review by the order's leader or staff, refunds through the orders
 * context's partial refunds, returned goods into stock, the rules, the timeout sweep. See docs/aftersales.md.
 */
@Injectable()
export class AfterSalesService {
  private readonly logger = new Logger(AfterSalesService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly refunds: OrderRefundsService,
    private readonly refundLedger: RefundLedger,
    private readonly inventory: InventoryService,
    private readonly leaders: LeadersService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  // ---- buyer -------------------------------------------------------------------------------------------

  /** POST /api/app/orders/:id/aftersales */
  async createByBuyer(
    ctx: RequestContext,
    orderId: number,
    body: CreateAfterSalesRequest,
  ): Promise<{ view: AfterSalesCaseView; created: boolean }> {
    const { memberId } = requireMember(ctx);
    if (!buyerMayGive(body.reason))
      throw new BusinessError('AFTERSALES_LINE_INVALID', '缺货和报损由团长到货确认时上报', 400);
    const photoKeys = body.photoKeys ?? [];
    for (const key of photoKeys) {
      if (!(await this.storage.exists(key)))
        throw new BusinessError('VALIDATION_FAILED', '照片不存在，请重新上传', 400);
    }
    const order = await this.tx.run((m) => this.refunds.refundable(m, orderId));
    if (!order || order.memberId !== memberId) throw new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
    const { caseId, created } = await this.open(ctx, {
      orderId,
      source: 'buyer',
      reason: body.reason,
      description: body.description?.trim() || null,
      photoKeys,
      lines: body.lines ?? [],
      requestId: body.requestId,
      actor: { type: 'member', id: memberId, name: '买家' },
    });
    return { view: await this.tx.run((m) => this.view(m, caseId)), created };
  }

  /** GET /api/app/aftersales */
  async listForBuyer(ctx: RequestContext, query: PageQuery): Promise<Paged<AfterSalesCaseView>> {
    const { memberId } = requireMember(ctx);
    return this.page(query, { memberId }, false);
  }

  /** GET /api/app/aftersales/:id */
  async getForBuyer(ctx: RequestContext, caseId: number): Promise<AfterSalesCaseView> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      const row = await m.getRepository(AfterSalesCaseEntity).findOneBy({ id: caseId });
      if (!row || row.memberId !== memberId) throw notFound();
      return this.view(m, caseId);
    });
  }

  /** GET /api/app/orders/:id/aftersales */
  async listForBuyerOrder(ctx: RequestContext, orderId: number): Promise<AfterSalesCaseView[]> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      const rows = await m
        .getRepository(AfterSalesCaseEntity)
        .find({ where: { orderId, memberId }, order: { id: 'DESC' } });
      return Promise.all(rows.map((r) => this.view(m, r.id)));
    });
  }

  // ---- leader --------------------------------------------------------------------------------------------

  async listForLeader(
    ctx: RequestContext,
    query: AfterSalesListQuery,
  ): Promise<Paged<AdminAfterSalesCaseView>> {
    const leader = await this.activeLeader(ctx);
    return this.page(query, { leaderId: leader.id, status: query.status }, true);
  }

  async getForLeader(ctx: RequestContext, caseId: number): Promise<AdminAfterSalesCaseView> {
    const leader = await this.activeLeader(ctx);
    return this.tx.run(async (m) => {
      await this.leaderCase(m, leader, caseId);
      return this.adminView(m, caseId);
    });
  }

  async approveByLeader(
    ctx: RequestContext,
    caseId: number,
    note: string | null,
  ): Promise<AdminAfterSalesCaseView> {
    const leader = await this.activeLeader(ctx);
    await this.tx.run(async (m) => {
      await this.leaderCase(m, leader, caseId);
      await this.approve(m, ctx, caseId, leaderActor(leader), 'approved', note);
    });
    return this.tx.run((m) => this.adminView(m, caseId));
  }

  async rejectByLeader(
    ctx: RequestContext,
    caseId: number,
    reason: string,
  ): Promise<AdminAfterSalesCaseView> {
    const leader = await this.activeLeader(ctx);
    await this.tx.run(async (m) => {
      await this.leaderCase(m, leader, caseId);
      await this.reject(m, caseId, leaderActor(leader), reason);
    });
    return this.tx.run((m) => this.adminView(m, caseId));
  }

  // ---- staff ---------------------------------------------------------------------------------------------

  async listForStaff(
    ctx: RequestContext,
    query: AfterSalesListQuery,
  ): Promise<Paged<AdminAfterSalesCaseView>> {
    requirePermission(ctx, 'aftersales.read');
    return this.page(
      query,
      { status: query.status, leaderId: query.leaderId, orderNo: query.orderNo?.trim() || undefined },
      true,
    );
  }

  async getForStaff(ctx: RequestContext, caseId: number): Promise<AdminAfterSalesCaseView> {
    requirePermission(ctx, 'aftersales.read');
    return this.tx.run(async (m) => {
      if (!(await m.getRepository(AfterSalesCaseEntity).existsBy({ id: caseId }))) throw notFound();
      return this.adminView(m, caseId);
    });
  }

  async approveByStaff(
    ctx: RequestContext,
    caseId: number,
    note: string | null,
  ): Promise<AdminAfterSalesCaseView> {
    const staff = requirePermission(ctx, 'aftersales.write');
    await this.tx.run(async (m) => {
      if (!(await m.getRepository(AfterSalesCaseEntity).existsBy({ id: caseId }))) throw notFound();
      const done = await this.approve(m, ctx, caseId, staffActor(staff), 'approved', note);
      if (done)
        await this.audit.record(m, ctx, {
          action: 'aftersales.approve',
          entityType: 'aftersales_case',
          entityId: caseId,
          before: { status: 'pending' },
          after: { status: 'approved' },
        });
    });
    return this.tx.run((m) => this.adminView(m, caseId));
  }

  async rejectByStaff(ctx: RequestContext, caseId: number, reason: string): Promise<AdminAfterSalesCaseView> {
    const staff = requirePermission(ctx, 'aftersales.write');
    await this.tx.run(async (m) => {
      if (!(await m.getRepository(AfterSalesCaseEntity).existsBy({ id: caseId }))) throw notFound();
      const done = await this.reject(m, caseId, staffActor(staff), reason);
      if (done)
        await this.audit.record(m, ctx, {
          action: 'aftersales.reject',
          entityType: 'aftersales_case',
          entityId: caseId,
          before: { status: 'pending' },
          after: { status: 'rejected', reason },
        });
    });
    return this.tx.run((m) => this.adminView(m, caseId));
  }

  /** POST /api/admin/aftersales/:id/return-stock: the case's units back into sellable stock, once. */
  async returnStock(ctx: RequestContext, caseId: number): Promise<AdminAfterSalesCaseView> {
    const staff = requirePermission(ctx, 'aftersales.write');
    await this.tx.run(async (m) => {
      const row = await m.getRepository(AfterSalesCaseEntity).findOneBy({ id: caseId });
      if (!row) throw notFound();
      if (row.status !== 'approved')
        throw new ConflictError('AFTERSALES_STATUS', '只有已同意退款的售后单可以退货入库');
      if (row.stockReturnedAt) return; // done before: books nothing
      const lines = (await m.getRepository(AfterSalesLineEntity).findBy({ caseId })).filter(
        (l) => l.quantity > 0,
      );
      if (lines.length === 0) throw new ConflictError('AFTERSALES_NOTHING_TO_RETURN', '该售后单没有退货商品');
      const marked = await m
        .createQueryBuilder()
        .update(AfterSalesCaseEntity)
        .set({ stockReturnedAt: new Date() })
        .where('id = :id AND stock_returned_at IS NULL', { id: caseId })
        .execute();
      if (!marked.affected) return; // a concurrent call booked it
      const bySku = new Map<number, number>();
      for (const l of lines) bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l.quantity);
      await this.inventory.returnGoods(m, ctx, {
        lines: [...bySku].map(([skuId, quantity]) => ({ skuId, quantity })),
        orderId: Number(row.orderId),
        requestKey: `aftersales-${caseId}`,
      });
      await this.event(m, caseId, 'stock_returned', staffActor(staff), null);
      await this.audit.record(m, ctx, {
        action: 'aftersales.return_stock',
        entityType: 'aftersales_case',
        entityId: caseId,
        before: null,
        after: { lines: [...bySku].map(([skuId, quantity]) => ({ skuId, quantity })) },
      });
    });
    return this.tx.run((m) => this.adminView(m, caseId));
  }

  async settings(ctx: RequestContext): Promise<AfterSalesSettings> {
    requirePermission(ctx, 'aftersales.read');
    return settingsView(await this.tx.run((m) => this.rules(m)));
  }

  async updateSettings(ctx: RequestContext, input: AfterSalesSettingsInput): Promise<AfterSalesSettings> {
    const staff = requirePermission(ctx, 'aftersales.write');
    const problems = rulesProblems(input);
    if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', problems.join('；'), 400);
    return this.tx.run(async (m) => {
      const before = await this.rules(m);
      await m.getRepository(AfterSalesSettingsEntity).update(
        { id: 1 },
        {
          autoApproveMaxFen: input.autoApproveMaxFen,
          autoApproveAfterHours: input.autoApproveAfterHours,
          updatedBy: staff?.name ?? '系统',
        },
      );
      await this.audit.record(m, ctx, {
        action: 'aftersales.settings',
        entityType: 'aftersales_settings',
        entityId: 1,
        before: {
          autoApproveMaxFen: before.autoApproveMaxFen,
          autoApproveAfterHours: before.autoApproveAfterHours,
        },
        after: { ...input },
      });
      return settingsView(await this.rules(m));
    });
  }

  // ---- other contexts ------------------------------------------------------------------------------------

  /**
   * Opens an approved case for goods that arrived short or damaged (fulfillment's receipt calls this):
   * the refund goes through the provider at once. Idempotent by `requestId`. Returns the case id.
   */
  async openForPickupReport(report: PickupReportCase): Promise<number> {
    const ctx = systemContext('aftersales.pickup-report');
    const order = await this.tx.run((m) => this.refunds.refundable(m, report.orderId));
    if (!order) throw new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
    const { caseId } = await this.open(ctx, {
      orderId: report.orderId,
      source: 'pickup_report',
      reason: report.reason,
      description: report.note?.trim() || null,
      photoKeys: report.photoKeys ?? [],
      lines: report.lines,
      requestId: report.requestId,
      actor: report.reportedBy ?? SYSTEM,
    });
    return caseId;
  }

  /** The timeout rule: pending cases whose time came are approved (one transaction each). */
  async autoApproveDue(now: Date = new Date(), limit = 50): Promise<number> {
    const due = await this.tx.run((m) =>
      m.getRepository(AfterSalesCaseEntity).find({
        where: { status: 'pending', autoApproveAt: LessThanOrEqual(now) },
        order: { id: 'ASC' },
        take: limit,
      }),
    );
    let approved = 0;
    for (const row of due) {
      try {
        const done = await this.tx.run((m) =>
          this.approve(
            m,
            systemContext('aftersales.auto-approve'),
            row.id,
            SYSTEM,
            'auto_approved',
            '超时未处理，系统自动同意',
          ),
        );
        if (done) approved += 1;
      } catch (error) {
        this.logger.warn({ err: error, caseId: row.id }, 'auto-approve failed');
      }
    }
    return approved;
  }

  // ---- moves ---------------------------------------------------------------------------------------------

  private async open(ctx: RequestContext, input: NewCase): Promise<{ caseId: number; created: boolean }> {
    const hash = createHash('sha256')
      .update(
        JSON.stringify({
          reason: input.reason,
          description: input.description,
          photoKeys: input.photoKeys,
          lines: [...input.lines].sort((a, b) => a.orderLineId - b.orderLineId),
        }),
      )
      .digest('hex');
    try {
      return await this.tx.run(async (m) => {
        const earlier = await this.byRequest(m, input.orderId, input.requestId, hash);
        if (earlier) return { caseId: earlier, created: false };
        const order = await this.refunds.refundable(m, input.orderId);
        if (!order) throw new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
        if (!REFUNDABLE.includes(order.status) || order.refundCommitted >= order.paidAmount)
          throw new ConflictError(
            'AFTERSALES_ORDER_NOT_ELIGIBLE',
            '该订单当前不能申请售后（未付款或已全部退款）',
          );
        const repo = m.getRepository(AfterSalesCaseEntity);
        if (await repo.existsBy({ openOrderId: input.orderId })) throw caseOpen();
        const ask: RefundAsk =
          input.lines.length > 0 ? { kind: 'lines', lines: input.lines } : { kind: 'everything' };
        const quote = await this.refunds.quote(m, input.orderId, ask).catch((error: unknown) => {
          throw remapRefundError(error);
        });
        const rules = await this.rules(m);
        const now = new Date();
        const sequence = (await repo.countBy({ orderId: input.orderId })) + 1;
        const inserted = await repo.insert(
          repo.create({
            caseNo: caseNumber(order.orderNo, sequence),
            orderId: order.id,
            orderNo: order.orderNo,
            openOrderId: order.id,
            memberId: order.memberId,
            leaderId: order.leaderId,
            status: 'pending',
            source: input.source,
            reason: input.reason,
            description: input.description?.slice(0, 200) ?? null,
            photoKeys: input.photoKeys,
            wholeOrder: input.lines.length === 0,
            amount: quote.amountFen,
            requestId: input.requestId,
            requestHash: hash,
            refundId: null,
            rejectReason: null,
            autoApproveAt: input.source === 'buyer' ? autoApproveAt(now, rules) : null,
            decidedAt: null,
            stockReturnedAt: null,
          }),
        );
        const caseId = Number(inserted.identifiers[0].id);
        const byLine = new Map(order.lines.map((l) => [l.id, l]));
        const lineRows = quote.lines
          .filter((l) => l.quantity > 0)
          .map((l) => {
            const line = byLine.get(l.id)!;
            return {
              caseId,
              orderLineId: l.id,
              skuId: line.skuId,
              productName: line.productName,
              specText: line.specText,
              imageUrl: line.imageUrl,
              quantity: l.quantity,
              amount: l.amount,
            };
          });
        if (lineRows.length > 0) await m.getRepository(AfterSalesLineEntity).insert(lineRows);
        await this.event(
          m,
          caseId,
          'requested',
          input.actor,
          `${input.source === 'pickup_report' ? '自提点上报' : '申请退款'} ¥${(quote.amountFen / 100).toFixed(2)}${input.description ? `：${input.description}` : ''}`,
        );
        if (approvesAtOnce(input.source, quote.amountFen, rules)) {
          await this.approve(
            m,
            ctx,
            caseId,
            SYSTEM,
            'auto_approved',
            input.source === 'pickup_report' ? '缺货/报损自动退款' : '小额自动同意',
          );
        }
        return { caseId, created: true };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent request with the same key, or another open case, committed first.
      const replay = await this.tx.run((m) => this.byRequest(m, input.orderId, input.requestId, hash));
      if (replay) return { caseId: replay, created: false };
      throw caseOpen();
    }
  }

  private async byRequest(
    m: EntityManager,
    orderId: number,
    requestId: string,
    hash: string,
  ): Promise<number | null> {
    const earlier = await m.getRepository(AfterSalesCaseEntity).findOneBy({ orderId, requestId });
    if (!earlier) return null;
    if (earlier.requestHash !== hash)
      throw new ConflictError('AFTERSALES_REQUEST_ID_REUSED', '该请求编号已用于另一个售后申请');
    return earlier.id;
  }

  /**
   * pending → approved (conditional) and the refund through the orders context, in the caller's
   * transaction. False when it was approved already (a repeat); 409 when rejected.
   */
  private async approve(
    m: EntityManager,
    ctx: RequestContext,
    caseId: number,
    actor: OrderActor,
    type: Extract<AfterSalesEventType, 'approved' | 'auto_approved'>,
    note: string | null,
  ): Promise<boolean> {
    const moved = await m
      .createQueryBuilder()
      .update(AfterSalesCaseEntity)
      .set({ status: 'approved', openOrderId: null, decidedAt: new Date() })
      .where('id = :id AND status = :pending', { id: caseId, pending: 'pending' })
      .execute();
    const row = await m.getRepository(AfterSalesCaseEntity).findOneByOrFail({ id: caseId });
    if (!moved.affected) {
      if (row.status === 'approved') return false;
      throw new ConflictError('AFTERSALES_STATUS', '售后单已被拒绝，不能再同意');
    }
    const lines = await m.getRepository(AfterSalesLineEntity).findBy({ caseId });
    const ask: RefundAsk = row.wholeOrder
      ? { kind: 'everything' }
      : {
          kind: 'lines',
          lines: lines.map((l) => ({ orderLineId: Number(l.orderLineId), quantity: l.quantity })),
        };
    const refund = await this.refunds
      .refundPart(m, ctx, {
        orderId: Number(row.orderId),
        ask,
        reason: `售后 ${row.caseNo}`,
        actor,
        requestKey: `aftersales:${caseId}`,
      })
      .catch((error: unknown) => {
        throw remapRefundError(error);
      });
    await m
      .getRepository(AfterSalesCaseEntity)
      .update({ id: caseId }, { refundId: refund.refundId, amount: refund.amountFen });
    await this.event(m, caseId, type, actor, note);
    await this.event(m, caseId, 'refund_started', SYSTEM, `¥${(refund.amountFen / 100).toFixed(2)} 原路退回`);
    return true;
  }

  private async reject(
    m: EntityManager,
    caseId: number,
    actor: OrderActor,
    reason: string,
  ): Promise<boolean> {
    const moved = await m
      .createQueryBuilder()
      .update(AfterSalesCaseEntity)
      .set({
        status: 'rejected',
        openOrderId: null,
        decidedAt: new Date(),
        rejectReason: reason.slice(0, 200),
      })
      .where('id = :id AND status = :pending', { id: caseId, pending: 'pending' })
      .execute();
    if (!moved.affected) {
      const row = await m.getRepository(AfterSalesCaseEntity).findOneByOrFail({ id: caseId });
      if (row.status === 'rejected') return false;
      throw new ConflictError('AFTERSALES_STATUS', '售后单已同意退款，不能再拒绝');
    }
    await this.event(m, caseId, 'rejected', actor, reason);
    return true;
  }

  private async event(
    m: EntityManager,
    caseId: number,
    type: AfterSalesEventType,
    actor: OrderActor,
    note: string | null,
  ): Promise<void> {
    await m.getRepository(AfterSalesEventEntity).insert({
      caseId,
      type,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name.slice(0, 64),
      note: note ? note.slice(0, 200) : null,
    });
  }

  private async rules(m: EntityManager): Promise<AfterSalesSettingsEntity> {
    const row = await m.getRepository(AfterSalesSettingsEntity).findOneBy({ id: 1 });
    if (row) return row;
    await m
      .getRepository(AfterSalesSettingsEntity)
      .insert({ id: 1, autoApproveMaxFen: 0, autoApproveAfterHours: 48 });
    return m.getRepository(AfterSalesSettingsEntity).findOneByOrFail({ id: 1 });
  }

  // ---- reads ---------------------------------------------------------------------------------------------

  private async page<A extends boolean>(
    query: PageQuery,
    where: { memberId?: number; leaderId?: number; status?: string; orderNo?: string },
    admin: A,
  ): Promise<Paged<A extends true ? AdminAfterSalesCaseView : AfterSalesCaseView>> {
    const page = Math.max(1, query.page ?? 1);
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, query.pageSize ?? 20));
    return this.tx.run(async (m) => {
      const filter: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(where)) if (value !== undefined) filter[key] = value;
      const [rows, total] = await m.getRepository(AfterSalesCaseEntity).findAndCount({
        where: filter,
        order: { id: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
      const items = await Promise.all(
        rows.map((r) => (admin ? this.adminView(m, r.id) : this.view(m, r.id))),
      );
      return { items, total, page, pageSize } as Paged<
        A extends true ? AdminAfterSalesCaseView : AfterSalesCaseView
      >;
    });
  }

  private async view(m: EntityManager, caseId: number): Promise<AfterSalesCaseView> {
    const row = await m.getRepository(AfterSalesCaseEntity).findOneByOrFail({ id: caseId });
    const [lines, events, order] = await Promise.all([
      m.getRepository(AfterSalesLineEntity).find({ where: { caseId }, order: { id: 'ASC' } }),
      m.getRepository(AfterSalesEventEntity).find({ where: { caseId }, order: { id: 'ASC' } }),
      this.refunds.refundable(m, Number(row.orderId)),
    ]);
    const refund = row.refundId ? await this.refundLedger.findById(Number(row.refundId), m) : null;
    return {
      id: row.id,
      caseNo: row.caseNo,
      orderId: Number(row.orderId),
      orderNo: row.orderNo,
      orderStatus: order?.status ?? 'refunded',
      status: row.status,
      source: row.source,
      reason: row.reason,
      description: row.description,
      photos: row.photoKeys.map((key) => ({ key, url: this.storage.urlFor(key) })),
      wholeOrder: row.wholeOrder,
      amount: row.amount,
      lines: lines.map((l) => ({
        orderLineId: Number(l.orderLineId),
        skuId: l.skuId,
        productName: l.productName,
        specText: l.specText,
        imageUrl: l.imageUrl,
        quantity: l.quantity,
        amount: l.amount,
      })),
      rejectReason: row.rejectReason,
      refund: refund ? { id: refund.id, amount: refund.amount, status: refund.status } : null,
      autoApproveAt: row.status === 'pending' ? (row.autoApproveAt?.toISOString() ?? null) : null,
      stockReturned: row.stockReturnedAt !== null,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      timeline: events.map((e) => ({
        type: e.type,
        actorType: e.actorType,
        actorName: e.actorName,
        note: e.note,
        at: e.createdAt.toISOString(),
      })),
    };
  }

  private async adminView(m: EntityManager, caseId: number): Promise<AdminAfterSalesCaseView> {
    const base = await this.view(m, caseId);
    const row = await m.getRepository(AfterSalesCaseEntity).findOneByOrFail({ id: caseId });
    const [buyer, order] = await Promise.all([
      this.members.contactsOf([row.memberId], m).then((c) => c.get(row.memberId)),
      this.refunds.refundable(m, Number(row.orderId)),
    ]);
    return {
      ...base,
      memberId: row.memberId,
      buyerName: buyer?.nickname ?? null,
      buyerPhoneTail: buyer?.phoneTail ?? null,
      leaderId: row.leaderId,
      orderPaidAmount: order?.paidAmount ?? 0,
      orderRefundCommitted: order?.refundCommitted ?? 0,
    };
  }

  private async activeLeader(ctx: RequestContext): Promise<LeaderIdentity> {
    const { memberId } = requireMember(ctx);
    const leader = await this.leaders.identityOfMember(memberId);
    if (!leader || !leader.active)
      throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有正常经营的团长可以处理售后');
    return leader;
  }

  private async leaderCase(m: EntityManager, leader: LeaderIdentity, caseId: number): Promise<void> {
    const row = await m.getRepository(AfterSalesCaseEntity).findOneBy({ id: caseId });
    if (!row || row.leaderId !== leader.id) throw notFound();
  }

  /** Cases of several orders (for other screens). */
  async casesOfOrders(orderIds: number[]): Promise<Map<number, number>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.tx.run((m) =>
      m.getRepository(AfterSalesCaseEntity).find({ where: { orderId: In(orderIds) } }),
    );
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(Number(r.orderId), (counts.get(Number(r.orderId)) ?? 0) + 1);
    return counts;
  }
}

function caseOpen(): ConflictError {
  return new ConflictError('AFTERSALES_CASE_OPEN', '该订单已有处理中的售后申请，请等待处理结果');
}

/** The orders context's refusals, in after-sales words. */
function remapRefundError(error: unknown): unknown {
  if (!(error instanceof BusinessError)) return error;
  if (error.code === 'ORDER_REFUND_LINE_INVALID')
    return new BusinessError('AFTERSALES_LINE_INVALID', error.message, 400);
  if (error.code === 'ORDER_REFUND_EXCEEDED')
    return new ConflictError('AFTERSALES_AMOUNT_EXCEEDED', '申请金额超过订单可退金额（实付减去已退）');
  if (error.code === 'ORDER_REFUND_NOT_ALLOWED')
    return new ConflictError('AFTERSALES_ORDER_NOT_ELIGIBLE', '该订单当前不能退款');
  return error;
}

function leaderActor(leader: LeaderIdentity): OrderActor {
  return { type: 'leader', id: leader.id, name: `团长 ${leader.name}` };
}

function staffActor(staff: { staffId: number; name: string } | null): OrderActor {
  return staff ? { type: 'staff', id: staff.staffId, name: staff.name } : SYSTEM;
}

function settingsView(row: AfterSalesSettingsEntity): AfterSalesSettings {
  return {
    autoApproveMaxFen: row.autoApproveMaxFen,
    autoApproveAfterHours: row.autoApproveAfterHours,
    updatedAt: row.updatedAt?.toISOString() ?? null,
    updatedBy: row.updatedBy,
  };
}
