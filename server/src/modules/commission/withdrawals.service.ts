import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  WITHDRAWAL_STATUS_LABELS,
  type Paged,
  type WithdrawalMethod,
  type WithdrawalQuery,
  type WithdrawalRequest,
  type WithdrawalStatus,
  type WithdrawalView,
} from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  BusinessError,
  ConflictError,
  NotFoundError,
  requirePermission,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { LeadersService } from '../leaders';
import { MembersService } from '../members';
import { TRANSFER_NAME_REQUIRED_FEN } from '../payments';
import { CommissionLedger } from './commission-ledger';
import { withdrawalView } from './commission-presenter';
import { LeaderScope } from './leader-scope';
import { WithdrawalEntity } from './persistence/withdrawal.entity';
import { WithdrawalPayouts } from './withdrawal-payouts';

/** Statuses in which a withdrawal still holds money and blocks a new request. */
export const OPEN_WITHDRAWAL_STATUSES: readonly WithdrawalStatus[] = ['reviewing', 'approved', 'paying'];
const DEFAULT_PAGE_SIZE = 20;
const REQUEST_ID = /^[0-9A-Za-z_-]{8,64}$/;
const fen = (amount: number) => `¥${(amount / 100).toFixed(2)}`;

export const withdrawalNotFound = () => new NotFoundError('WITHDRAWAL_NOT_FOUND', '提现记录不存在');

/**
 * Withdrawals (提现): a leader asks for part of their available balance; the hold entry that takes it off
 * the balance is written in the same transaction, under the lock of the leader's account row, so two
 * requests can never spend the same money. Small amounts are approved at once; finance reviews the rest.
 * Rejected or failed payouts give the money back with a return entry.
 */
@Injectable()
export class WithdrawalsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly ledger: CommissionLedger,
    private readonly scope: LeaderScope,
    private readonly leaders: LeadersService,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly payouts: WithdrawalPayouts,
  ) {}

  get methods(): WithdrawalMethod[] {
    return this.config.commission.bankPayouts ? ['wechat', 'bank'] : ['wechat'];
  }

  /** POST /api/app/leader/commission/withdrawals */
  async request(ctx: RequestContext, input: WithdrawalRequest): Promise<WithdrawalView> {
    const leader = await this.scope.leaderOf(ctx);
    const checked = this.checkRequest(input);
    const contact = (await this.members.contactsOf([leader.memberId])).get(leader.memberId);
    await this.tx.run((m) => this.ledger.ensureAccount(m, leader.id));
    const withdrawal = await this.tx.run(async (m) => {
      const repo = m.getRepository(WithdrawalEntity);
      // Lock before the first read: on InnoDB a plain read fixes the transaction's snapshot, and a snapshot
      // taken before the lock would not see a concurrent request's withdrawal and hold entry.
      await this.ledger.lockAccount(m, leader.id);
      const again = await repo.findOneBy({ leaderId: leader.id, requestId: input.requestId });
      if (again) {
        // A retry of the same request answers what the first one did; another request under its key is refused.
        if (again.amount !== checked.amount || again.method !== checked.method) {
          throw new ConflictError('WITHDRAWAL_REQUEST_REUSED', '请求编号已用于另一笔提现，请刷新后重试');
        }
        return again;
      }
      const open = await repo.findOneBy({ leaderId: leader.id, status: In([...OPEN_WITHDRAWAL_STATUSES]) });
      if (open) throw new ConflictError('WITHDRAWAL_OPEN_EXISTS', '已有一笔提现在处理中，完成后再申请');
      const now = new Date();
      await this.ledger.unfreezeDue(m, now, leader.id);
      const { available } = await this.ledger.balanceOf(m, leader.id, now);
      if (checked.amount > available) {
        throw new ConflictError(
          'WITHDRAWAL_OVER_BALANCE',
          `可提现余额为 ${fen(Math.max(0, available))}，不能超过余额`,
        );
      }
      const autoApproved = checked.amount <= this.config.commission.autoApproveFen;
      const saved = await repo.save(
        repo.create({
          leaderId: leader.id,
          requestId: input.requestId,
          amount: checked.amount,
          method: checked.method,
          status: autoApproved ? 'approved' : 'reviewing',
          bankHolder: checked.bank?.holder ?? null,
          bankName: checked.bank?.bankName ?? null,
          bankAccountNo: checked.bank?.accountNo ?? null,
          openid: checked.method === 'wechat' ? (contact?.openid ?? null) : null,
          outBillNo: null,
          batchNo: null,
          awaitingConfirmation: false,
          reviewNote: autoApproved ? '小额自动通过' : null,
          reviewedByName: autoApproved ? '系统' : null,
          reviewedAt: autoApproved ? now : null,
          failureReason: null,
          paidAt: null,
        }),
      );
      await this.ledger.append(m, [
        {
          leaderId: leader.id,
          orderId: null,
          type: 'withdrawal',
          amount: -checked.amount,
          status: 'available',
          availableAt: now,
          ruleSetId: null,
          ruleSetVersion: null,
          entryKey: `withdrawal:${saved.id}`,
          withdrawalId: saved.id,
          details: [],
          note: checked.method === 'wechat' ? '提现到微信零钱' : '提现到银行卡',
        },
      ]);
      if (autoApproved && checked.method === 'wechat') this.payouts.payAfterCommit(m, saved.id);
      return saved;
    });
    return withdrawalView(withdrawal, leader.name, { fullAccountNo: false });
  }

  /** GET /api/app/leader/commission/withdrawals */
  async leaderList(
    ctx: RequestContext,
    query: { page?: number; pageSize?: number },
  ): Promise<Paged<WithdrawalView>> {
    const leader = await this.scope.leaderOf(ctx);
    const { page, pageSize } = paging(query);
    const [rows, total] = await this.tx.run((m) =>
      m.getRepository(WithdrawalEntity).findAndCount({
        where: { leaderId: leader.id },
        order: { id: 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    );
    return {
      items: rows.map((w) => withdrawalView(w, leader.name, { fullAccountNo: false })),
      total,
      page,
      pageSize,
    };
  }

  /** The leader's open withdrawal, if any (the overview shows it). */
  async openOf(m: EntityManager, leaderId: number): Promise<WithdrawalEntity | null> {
    return m.getRepository(WithdrawalEntity).findOne({
      where: { leaderId, status: In([...OPEN_WITHDRAWAL_STATUSES]) },
      order: { id: 'DESC' },
    });
  }

  /** A withdrawal of the calling leader. */
  async ownWithdrawal(
    ctx: RequestContext,
    id: number,
  ): Promise<{ withdrawal: WithdrawalEntity; leaderName: string }> {
    const leader = await this.scope.leaderOf(ctx);
    const withdrawal = await this.tx.run((m) =>
      m.getRepository(WithdrawalEntity).findOneBy({ id, leaderId: leader.id }),
    );
    if (!withdrawal) throw withdrawalNotFound();
    return { withdrawal, leaderName: leader.name };
  }

  async ownView(ctx: RequestContext, id: number): Promise<WithdrawalView> {
    const { withdrawal, leaderName } = await this.ownWithdrawal(ctx, id);
    return withdrawalView(withdrawal, leaderName, { fullAccountNo: false });
  }

  /** GET /api/admin/commission/withdrawals */
  async adminList(ctx: RequestContext, query: WithdrawalQuery): Promise<Paged<WithdrawalView>> {
    requirePermission(ctx, 'commission.read');
    const { page, pageSize } = paging(query);
    const [rows, total] = await this.tx.run((m) =>
      m.getRepository(WithdrawalEntity).findAndCount({
        where: {
          ...(query.status ? { status: query.status } : {}),
          ...(query.leaderId ? { leaderId: query.leaderId } : {}),
        },
        order: { id: query.status === 'reviewing' ? 'ASC' : 'DESC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    );
    return { items: await this.views(rows, true), total, page, pageSize };
  }

  /** POST /api/admin/commission/withdrawals/:id/approve */
  async approve(ctx: RequestContext, id: number): Promise<WithdrawalView> {
    const staff = requirePermission(ctx, 'withdrawals.approve');
    return this.review(ctx, id, 'reviewing', async (m, w) => {
      await m
        .getRepository(WithdrawalEntity)
        .update(
          { id, status: 'reviewing' },
          { status: 'approved', reviewedByName: staff?.name ?? '系统', reviewedAt: new Date() },
        );
      if (w.method === 'wechat') this.payouts.payAfterCommit(m, id);
      return { action: 'withdrawal.approve', after: { status: 'approved' } };
    });
  }

  /** POST /api/admin/commission/withdrawals/:id/reject: the money goes back to the balance. */
  async reject(ctx: RequestContext, id: number, reason: string): Promise<WithdrawalView> {
    const staff = requirePermission(ctx, 'withdrawals.approve');
    const note = checkedReason(reason);
    return this.review(ctx, id, ['reviewing', 'approved'], async (m, w) => {
      if (w.status === 'approved' && w.method === 'wechat') {
        // An approved WeChat payout may already be on its way: it ends by its own outcome.
        throw new ConflictError('WITHDRAWAL_INVALID_STATUS', '已通过的微信提现正在打款，不能驳回');
      }
      await m.getRepository(WithdrawalEntity).update(
        { id, status: w.status },
        {
          status: 'rejected',
          reviewNote: note,
          reviewedByName: staff?.name ?? '系统',
          reviewedAt: new Date(),
        },
      );
      await this.payouts.returnMoney(m, w, `提现被驳回：${note}`);
      return { action: 'withdrawal.reject', after: { status: 'rejected', reason: note } };
    });
  }

  /** POST /api/admin/commission/withdrawals/:id/mark-paid: finance paid this bank withdrawal. */
  async markPaid(ctx: RequestContext, id: number): Promise<WithdrawalView> {
    requirePermission(ctx, 'withdrawals.approve');
    return this.review(ctx, id, 'paying', async (m, w) => {
      if (w.method !== 'bank')
        throw new ConflictError('WITHDRAWAL_INVALID_STATUS', '微信提现的结果以微信支付为准');
      await this.payouts.settle(m, w, new Date());
      return { action: 'withdrawal.markPaid', after: { status: 'paid' } };
    });
  }

  /** POST /api/admin/commission/withdrawals/:id/mark-failed: the bank returned it; the money goes back. */
  async markFailed(ctx: RequestContext, id: number, reason: string): Promise<WithdrawalView> {
    requirePermission(ctx, 'withdrawals.approve');
    const note = checkedReason(reason);
    return this.review(ctx, id, 'paying', async (m, w) => {
      if (w.method !== 'bank')
        throw new ConflictError('WITHDRAWAL_INVALID_STATUS', '微信提现的结果以微信支付为准');
      await this.payouts.fail(m, w, `银行打款失败：${note}`);
      return { action: 'withdrawal.markFailed', after: { status: 'failed', reason: note } };
    });
  }

  /** Moves the approved bank withdrawals into a batch (paying) and returns them for the Excel sheet. */
  async takeBankBatch(ctx: RequestContext): Promise<{ batchNo: string; withdrawals: WithdrawalView[] }> {
    requirePermission(ctx, 'withdrawals.approve');
    // Unique per call (two exports in the same second must not share a batch).
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const batchNo = `B${stamp}${randomBytes(2).toString('hex').toUpperCase()}`;
    const rows = await this.tx.run(async (m) => {
      const repo = m.getRepository(WithdrawalEntity);
      // The conditional update decides what is in the batch; the sheet lists what it moved, so a request
      // rejected meanwhile (its money already back with the leader) can never be paid out of the sheet.
      const moved = await repo.update({ method: 'bank', status: 'approved' }, { status: 'paying', batchNo });
      if (!moved.affected) return [];
      const taken = await repo.find({ where: { batchNo }, order: { id: 'ASC' } });
      await this.audit.record(m, ctx, {
        action: 'withdrawal.bankBatch',
        entityType: 'commission_withdrawal',
        entityId: null,
        before: null,
        after: { batchNo, ids: taken.map((w) => w.id), total: taken.reduce((sum, w) => sum + w.amount, 0) },
      });
      return taken;
    });
    return { batchNo, withdrawals: await this.views(rows, true) };
  }

  private async review(
    ctx: RequestContext,
    id: number,
    from: WithdrawalStatus | WithdrawalStatus[],
    apply: (
      m: EntityManager,
      w: WithdrawalEntity,
    ) => Promise<{ action: string; after: Record<string, unknown> }>,
  ): Promise<WithdrawalView> {
    const allowed = Array.isArray(from) ? from : [from];
    const updated = await this.tx.run(async (m) => {
      const repo = m.getRepository(WithdrawalEntity);
      const w = await repo.findOne({
        where: { id },
        ...(m.connection.options.type === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!w) throw withdrawalNotFound();
      if (!allowed.includes(w.status)) {
        throw new ConflictError(
          'WITHDRAWAL_INVALID_STATUS',
          `提现当前状态为“${WITHDRAWAL_STATUS_LABELS[w.status]}”，不能执行此操作`,
        );
      }
      const { action, after } = await apply(m, w);
      await this.audit.record(m, ctx, {
        action,
        entityType: 'commission_withdrawal',
        entityId: id,
        before: { status: w.status, amount: w.amount },
        after,
      });
      return repo.findOneByOrFail({ id });
    });
    return (await this.views([updated], true))[0];
  }

  private async views(rows: WithdrawalEntity[], fullAccountNo: boolean): Promise<WithdrawalView[]> {
    const names = await this.leaders.identitiesOf(rows.map((w) => w.leaderId));
    return rows.map((w) =>
      withdrawalView(w, names.get(w.leaderId)?.name ?? `团长 ${w.leaderId}`, { fullAccountNo }),
    );
  }

  private checkRequest(input: WithdrawalRequest): {
    amount: number;
    method: WithdrawalMethod;
    bank: { holder: string; bankName: string; accountNo: string } | null;
  } {
    if (!REQUEST_ID.test(input.requestId ?? '')) {
      throw new BusinessError('VALIDATION_FAILED', '请求编号格式不正确', 400, [
        { field: 'requestId', errors: ['请求编号须为 8–64 位字母、数字、- 或 _'] },
      ]);
    }
    const min = this.config.commission.withdrawMinFen;
    if (!Number.isSafeInteger(input.amount) || input.amount < min) {
      throw new BusinessError('WITHDRAWAL_BELOW_MINIMUM', `提现金额至少 ${fen(min)}`, 400, [
        { field: 'amount', errors: [`提现金额至少 ${fen(min)}`] },
      ]);
    }
    if (!this.methods.includes(input.method)) {
      throw new BusinessError('WITHDRAWAL_METHOD_UNAVAILABLE', '不支持该提现方式', 400, [
        { field: 'method', errors: ['请选择微信零钱或银行卡'] },
      ]);
    }
    if (input.method === 'wechat') {
      if (input.amount >= TRANSFER_NAME_REQUIRED_FEN) {
        throw new BusinessError(
          'WITHDRAWAL_METHOD_UNAVAILABLE',
          '提现到微信零钱单笔须低于 ¥2000.00，请分次提现或选择银行卡',
          400,
          [{ field: 'amount', errors: ['微信零钱单笔须低于 ¥2000.00'] }],
        );
      }
      return { amount: input.amount, method: 'wechat', bank: null };
    }
    return { amount: input.amount, method: 'bank', bank: checkedBankAccount(input.bankAccount) };
  }
}

function checkedBankAccount(account: WithdrawalRequest['bankAccount']): {
  holder: string;
  bankName: string;
  accountNo: string;
} {
  const holder = account?.holder?.trim() ?? '';
  const bankName = account?.bankName?.trim() ?? '';
  const accountNo = (account?.accountNo ?? '').replace(/\s+/g, '');
  const errors = [
    ...(holder.length >= 2 && holder.length <= 32
      ? []
      : [{ field: 'bankAccount.holder', errors: ['请填写 2–32 个字的开户名'] }]),
    ...(bankName.length >= 2 && bankName.length <= 40
      ? []
      : [{ field: 'bankAccount.bankName', errors: ['请填写开户银行（含支行）'] }]),
    ...(/^\d{12,30}$/.test(accountNo)
      ? []
      : [{ field: 'bankAccount.accountNo', errors: ['银行卡号应为 12–30 位数字'] }]),
  ];
  if (errors.length > 0) {
    throw new BusinessError('WITHDRAWAL_BANK_ACCOUNT_INVALID', errors[0].errors[0], 400, errors);
  }
  return { holder, bankName, accountNo };
}

function checkedReason(reason: string): string {
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed.length < 2 || trimmed.length > 100) {
    throw new BusinessError('VALIDATION_FAILED', '原因须为 2–100 个字', 400, [
      { field: 'reason', errors: ['原因须为 2–100 个字'] },
    ]);
  }
  return trimmed;
}

function paging(query: { page?: number; pageSize?: number }): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, 100) };
}
