import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  defineJob,
  JobHandler,
  JobQueue,
  SweepChain,
  TransactionRunner,
} from '../../platform';
import {
  TransferOutcomeHooks,
  TransfersService,
  type TransferFinished,
  type TransferOutcomeListener,
} from '../payments';
import { CommissionLedger } from './commission-ledger';
import { payoutFailureText } from './commission-presenter';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';
import { WithdrawalEntity } from './persistence/withdrawal.entity';

declare module '../../platform' {
  interface JobPayloads {
    /** Pays an approved WeChat withdrawal through 商家转账 (same bill number on every retry). */
    'commission.payout': { withdrawalId: number };
    /** Re-queues payouts a lost job or a long outage left behind; then queues the next sweep. */
    'commission.payout-sweep': { slot: number };
  }
}
export const PAYOUT_JOB = defineJob('commission.payout');
export const PAYOUT_SWEEP_JOB = defineJob('commission.payout-sweep');
const SWEEP_INTERVAL_MS = 5 * 60_000;
/** A payout untouched this long is tried again by the sweep. */
const STALE_AFTER_MS = 5 * 60_000;
const REMARK = '团长佣金提现';

/**
 * Money leaving for a withdrawal. WeChat payouts: approved → paying (our bill number fixed first) → the
 * transfer waits for the leader's 确认收款 → paid, or failed with the money back. Bank payouts: finance
 * pays the Excel batch and marks each paid or failed. A payout's final state arrives once from payments
 * (TransferOutcomeListener), in the same transaction as the transfer record.
 */
@Injectable()
export class WithdrawalPayouts implements OnModuleInit, OnApplicationBootstrap, TransferOutcomeListener {
  private readonly logger = new Logger(WithdrawalPayouts.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
    private readonly ledger: CommissionLedger,
    private readonly transfers: TransfersService,
    private readonly hooks: TransferOutcomeHooks,
  ) {
    this.sweeps = new SweepChain(queue, PAYOUT_SWEEP_JOB, SWEEP_INTERVAL_MS, this.logger);
  }

  onModuleInit(): void {
    this.hooks.register(this);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.sweeps.queueFrom(Date.now() + SWEEP_INTERVAL_MS);
  }

  /** Queues the payout once the approving transaction commits (the sweep catches a lost one). */
  payAfterCommit(m: EntityManager, withdrawalId: number): void {
    const queue = () =>
      void this.queue
        .add(PAYOUT_JOB, { withdrawalId }, { jobId: `payout-${withdrawalId}`, attempts: 5, backoffMs: 5000 })
        .catch((error: unknown) =>
          this.logger.warn({ err: error, withdrawalId }, 'payout not queued; the sweep will'),
        );
    if (!this.tx.afterCommit(m, queue)) queue();
  }

  @JobHandler(PAYOUT_JOB)
  async pay({ withdrawalId }: { withdrawalId: number }): Promise<void> {
    const withdrawal = await this.tx.run(async (m) => {
      const repo = m.getRepository(WithdrawalEntity);
      const w = await repo.findOneBy({ id: withdrawalId });
      if (!w || w.method !== 'wechat' || !['approved', 'paying'].includes(w.status)) return null;
      if (w.status === 'approved') {
        const outBillNo = `LW${String(w.id).padStart(12, '0')}`;
        await repo.update({ id: w.id, status: 'approved' }, { status: 'paying', outBillNo });
        return repo.findOneByOrFail({ id: w.id });
      }
      return w;
    });
    if (!withdrawal?.outBillNo) return;
    const status = await this.transfers.start({
      outBillNo: withdrawal.outBillNo,
      openid: withdrawal.openid ?? '',
      amountFen: withdrawal.amount,
      remark: REMARK,
    });
    if (!status.finished) {
      await this.tx.run((m) =>
        m
          .getRepository(WithdrawalEntity)
          .update({ id: withdrawal.id, status: 'paying' }, { awaitingConfirmation: status.waitingForUser }),
      );
    }
  }

  @JobHandler(PAYOUT_SWEEP_JOB)
  async sweep({ slot }: { slot: number }): Promise<void> {
    await this.sweeps.run(slot, async () => {
      const stale = await this.tx.run((m) =>
        m.getRepository(WithdrawalEntity).find({
          where: {
            method: 'wechat',
            status: In(['approved', 'paying']),
            awaitingConfirmation: false,
            updatedAt: LessThan(new Date(Date.now() - STALE_AFTER_MS)),
          },
          take: 100,
        }),
      );
      for (const w of stale) {
        try {
          await this.pay({ withdrawalId: w.id });
          await this.tx.run((m) =>
            m.getRepository(WithdrawalEntity).update({ id: w.id }, { updatedAt: new Date() }),
          );
        } catch (error) {
          this.logger.warn({ err: error, withdrawalId: w.id }, 'payout retry failed; next sweep tries again');
        }
      }
    });
  }

  /** From payments: the transfer of a withdrawal ended (joined to the transfer record's transaction). */
  async transferFinished(m: EntityManager, event: TransferFinished): Promise<void> {
    const w = await m.getRepository(WithdrawalEntity).findOneBy({ outBillNo: event.outBillNo });
    if (!w || w.status !== 'paying') return;
    if (event.succeeded) await this.settle(m, w, event.at);
    else await this.fail(m, w, payoutFailureText(event.failReason));
  }

  /** The money arrived: the withdrawal is paid and its hold entry settled. */
  async settle(m: EntityManager, w: WithdrawalEntity, at: Date): Promise<void> {
    await m
      .getRepository(WithdrawalEntity)
      .update({ id: w.id, status: 'paying' }, { status: 'paid', paidAt: at, awaitingConfirmation: false });
    await m
      .getRepository(CommissionEntryEntity)
      .update({ entryKey: `withdrawal:${w.id}` }, { status: 'settled' });
  }

  /** The payout failed: the withdrawal ends failed and the money returns to the balance. */
  async fail(m: EntityManager, w: WithdrawalEntity, reason: string): Promise<void> {
    await m
      .getRepository(WithdrawalEntity)
      .update(
        { id: w.id, status: 'paying' },
        { status: 'failed', failureReason: reason.slice(0, 200), awaitingConfirmation: false },
      );
    await this.returnMoney(m, w, reason);
  }

  /** The return entry of a rejected or failed withdrawal (once: its key names the withdrawal). */
  async returnMoney(m: EntityManager, w: WithdrawalEntity, note: string): Promise<void> {
    if (await this.ledger.exists(m, `withdrawal-return:${w.id}`)) return;
    const now = new Date();
    await this.ledger.append(m, [
      {
        leaderId: w.leaderId,
        orderId: null,
        type: 'withdrawal',
        amount: w.amount,
        status: 'available',
        availableAt: now,
        ruleSetId: null,
        ruleSetVersion: null,
        entryKey: `withdrawal-return:${w.id}`,
        withdrawalId: w.id,
        details: [],
        note: note.slice(0, 200),
      },
    ]);
  }
}
