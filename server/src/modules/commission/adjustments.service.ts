import { Injectable } from '@nestjs/common';
import type { CommissionAdjustmentRequest, CommissionEntryView } from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  NotFoundError,
  requirePermission,
  TransactionRunner,
  type RequestContext,
} from '../../platform';
import { AuditService } from '../audit';
import { LeadersService } from '../leaders';
import { CommissionLedger } from './commission-ledger';
import { CommissionQueries } from './commission-queries.service';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';

const MAX_ADJUSTMENT_FEN = 10_000_000;
const REQUEST_ID = /^[0-9A-Za-z_-]{8,64}$/;

/**
 * Manual adjustments (人工调整) by finance: a positive or negative entry with a reason, available at once,
 * audited. The request id is part of the entry key, so a retried submit writes nothing new.
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: CommissionLedger,
    private readonly leaders: LeadersService,
    private readonly queries: CommissionQueries,
    private readonly audit: AuditService,
  ) {}

  async adjust(ctx: RequestContext, input: CommissionAdjustmentRequest): Promise<CommissionEntryView> {
    const staff = requirePermission(ctx, 'commission.write');
    const reason = checked(input);
    const entryKey = `adjust:${staff?.staffId ?? 0}:${input.requestId}`;
    return this.tx.run(async (m) => {
      const repo = m.getRepository(CommissionEntryEntity);
      const again = await repo.findOneBy({ entryKey });
      if (again) {
        if (again.leaderId !== input.leaderId || again.amount !== input.amount) {
          throw new ConflictError('COMMISSION_ADJUSTMENT_INVALID', '请求编号已用于另一笔调整，请刷新后重试');
        }
        return (await this.queries.entryViews(m, [again]))[0];
      }
      const leader = await this.leaders.identityOf(input.leaderId, m);
      if (!leader) throw new NotFoundError('LEADER_NOT_FOUND', '团长不存在');
      const now = new Date();
      await this.ledger.append(m, [
        {
          leaderId: leader.id,
          orderId: null,
          type: 'adjustment',
          amount: input.amount,
          status: 'available',
          availableAt: now,
          ruleSetId: null,
          ruleSetVersion: null,
          entryKey,
          details: [
            {
              label: reason,
              baseFen: null,
              rateBps: null,
              fixedFen: null,
              units: null,
              amount: input.amount,
              rule: `人工调整（${staff?.name ?? '系统'}）`,
            },
          ],
          note: reason,
        },
      ]);
      const entry = await repo.findOneByOrFail({ entryKey });
      await this.audit.record(m, ctx, {
        action: 'commission.adjust',
        entityType: 'commission_entry',
        entityId: entry.id,
        before: null,
        after: { leaderId: leader.id, amount: input.amount, reason },
      });
      return (await this.queries.entryViews(m, [entry]))[0];
    });
  }
}

function checked(input: CommissionAdjustmentRequest): string {
  const errors: Array<{ field: string; errors: string[] }> = [];
  if (
    !Number.isSafeInteger(input.amount) ||
    input.amount === 0 ||
    Math.abs(input.amount) > MAX_ADJUSTMENT_FEN
  ) {
    errors.push({ field: 'amount', errors: ['调整金额须为非零整数分，且不超过 ¥100,000.00'] });
  }
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length < 2 || reason.length > 100)
    errors.push({ field: 'reason', errors: ['调整原因须为 2–100 个字'] });
  if (!REQUEST_ID.test(input.requestId ?? ''))
    errors.push({ field: 'requestId', errors: ['请求编号格式不正确'] });
  if (errors.length > 0)
    throw new BusinessError('COMMISSION_ADJUSTMENT_INVALID', errors[0].errors[0], 400, errors);
  return reason;
}
