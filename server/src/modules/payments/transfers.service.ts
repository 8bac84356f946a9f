import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { In, LessThan, Not, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  BusinessError,
  ConflictError,
  defineJob,
  JobHandler,
  JobQueue,
  SweepChain,
  TransactionRunner,
} from '../../platform';
import { FINAL_TRANSFER_STATES, TransferEntity } from './persistence/transfer.entity';
import {
  PaymentProvider,
  ProviderRejectedError,
  type ProviderTransfer,
  type TransferRequest,
} from './providers/payment-provider';
import { TransferOutcomeHooks } from './transfer-outcome-hooks';

declare module '../../platform' {
  interface JobPayloads {
    /** Asks the provider about transfers whose answer or notification never came, then queues the next sweep. */
    'payments.transfer-sweep': { slot: number };
  }
}
export const TRANSFER_SWEEP_JOB = defineJob('payments.transfer-sweep');
const SWEEP_INTERVAL_MS = 10 * 60_000;
/** A transfer untouched this long is asked about (notifications normally arrive within seconds). */
const STALE_AFTER_MS = 5 * 60_000;
const SWEEP_BATCH = 100;

/** Where a transfer stands, as the commission context needs it. */
export interface TransferStatus {
  outBillNo: string;
  /** The leader must confirm receipt (确认收款) in the mini-program. */
  waitingForUser: boolean;
  finished: boolean;
  succeeded: boolean;
  failReason: string | null;
}

/** What the mini-program needs to open the confirmation page. */
export interface TransferConfirmation {
  mode: 'wechat' | 'simulator';
  mchId: string;
  appId: string;
  package: string;
}

/**
 * Transfers to a user's WeChat balance (商家转账). Each transfer is a row keyed by our bill number, written
 * before the provider is asked, so a lost answer is asked again with the same number (never a new one,
 * which could pay twice). The final state (by answer, query or MCHTRANSFER.BILL.FINISHED notification) is
 * applied once, in the same transaction as the listener's own bookkeeping.
 */
@Injectable()
export class TransfersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransfersService.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly provider: PaymentProvider,
    private readonly hooks: TransferOutcomeHooks,
    queue: JobQueue,
  ) {
    this.sweeps = new SweepChain(queue, TRANSFER_SWEEP_JOB, SWEEP_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.sweeps.queueFrom(Date.now() + SWEEP_INTERVAL_MS);
  }

  get mode(): 'wechat' | 'simulator' {
    return this.provider.name === 'wechatpay' ? 'wechat' : 'simulator';
  }

  /**
   * Starts the transfer (or asks again about the one with this bill number). Network failures are
   * thrown: the caller retries later with the same request.
   */
  async start(request: TransferRequest): Promise<TransferStatus> {
    const row = await this.tx.run(async (m) => {
      const repo = m.getRepository(TransferEntity);
      const existing = await repo.findOneBy({ outBillNo: request.outBillNo });
      if (existing) {
        if (existing.amount !== request.amountFen || existing.openid !== request.openid)
          throw new Error(`transfer ${request.outBillNo} retried with different parameters`);
        return existing;
      }
      await repo.insert({
        outBillNo: request.outBillNo,
        provider: this.provider.name,
        amount: request.amountFen,
        openid: request.openid,
        remark: request.remark,
        state: 'NEW',
        transferBillNo: null,
        failReason: null,
        finishedAt: null,
      });
      return repo.findOneByOrFail({ outBillNo: request.outBillNo });
    });
    if (FINAL_TRANSFER_STATES.includes(row.state)) return statusOf(row);
    let answer: ProviderTransfer;
    try {
      answer = await this.provider.createTransfer(request);
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error;
      // Refused: the bill exists only if an earlier try created it; otherwise nothing moved.
      const known = await this.provider.queryTransfer(request.outBillNo);
      answer = known ?? { state: 'FAIL', transferBillNo: null, packageInfo: null, failReason: error.code };
    }
    return this.apply(request.outBillNo, answer);
  }

  /** Fresh parameters for wx.requestMerchantTransfer (WeChat hands out a new package on each ask). */
  async confirmation(outBillNo: string): Promise<TransferConfirmation> {
    const row = await this.find(outBillNo);
    if (row.state !== 'WAIT_USER_CONFIRM') {
      throw new ConflictError('WITHDRAWAL_NOT_AWAITING_CONFIRMATION', '这笔提现当前无需确认收款');
    }
    const answer = await this.provider.createTransfer(requestOf(row));
    const status = await this.apply(outBillNo, answer);
    if (!status.waitingForUser || !answer.packageInfo) {
      throw new ConflictError('WITHDRAWAL_NOT_AWAITING_CONFIRMATION', '这笔提现当前无需确认收款');
    }
    return { mode: this.mode, ...this.provider.transferConfirmParams(answer.packageInfo) };
  }

  /** Asks the provider where the transfer stands and applies the answer. */
  async sync(outBillNo: string): Promise<TransferStatus> {
    const row = await this.find(outBillNo);
    if (FINAL_TRANSFER_STATES.includes(row.state)) return statusOf(row);
    const answer = await this.provider.queryTransfer(outBillNo);
    if (!answer) return statusOf(row);
    return this.apply(outBillNo, answer);
  }

  /** A verified MCHTRANSFER.BILL.FINISHED notification (the pipeline's transaction is joined). */
  async applyNotification(resource: {
    outBillNo: string;
    transferBillNo: string;
    state: 'SUCCESS' | 'FAIL' | 'CANCELLED';
    amountFen: number;
    failReason: string | null;
  }): Promise<'applied' | 'unknown'> {
    const row = await this.tx.run((m) =>
      m.getRepository(TransferEntity).findOneBy({ outBillNo: resource.outBillNo }),
    );
    if (!row) return 'unknown';
    if (row.amount !== resource.amountFen)
      throw new BusinessError('PAYMENT_NOTIFICATION_INVALID', '转账通知的金额与记录不符', 400);
    await this.apply(resource.outBillNo, {
      state: resource.state,
      transferBillNo: resource.transferBillNo,
      packageInfo: null,
      failReason: resource.failReason,
    });
    return 'applied';
  }

  async find(outBillNo: string): Promise<TransferEntity> {
    const row = await this.tx.run((m) => m.getRepository(TransferEntity).findOneBy({ outBillNo }));
    if (!row) throw new Error(`transfer ${outBillNo} not found`);
    return row;
  }

  @JobHandler(TRANSFER_SWEEP_JOB)
  async sweep({ slot }: { slot: number }): Promise<void> {
    await this.sweeps.run(slot, async () => {
      const stale = await this.tx.run((m) =>
        m.getRepository(TransferEntity).find({
          where: {
            state: Not(In([...FINAL_TRANSFER_STATES])),
            updatedAt: LessThan(new Date(Date.now() - STALE_AFTER_MS)),
          },
          order: { updatedAt: 'ASC' },
          take: SWEEP_BATCH,
        }),
      );
      for (const row of stale) {
        try {
          await this.sync(row.outBillNo);
          // Touch it, so the next sweep asks the others first.
          await this.tx.run((m) => touch(m, row.outBillNo));
        } catch (error) {
          this.logger.warn(
            { err: error, outBillNo: row.outBillNo },
            'transfer query failed; next sweep retries',
          );
        }
      }
    });
  }

  /** Records the provider's answer; a first final state is announced to the listener in the same transaction. */
  private apply(outBillNo: string, answer: ProviderTransfer): Promise<TransferStatus> {
    return this.tx.run(async (m) => {
      const repo = m.getRepository(TransferEntity);
      const row = await repo.findOneByOrFail({ outBillNo });
      if (FINAL_TRANSFER_STATES.includes(row.state)) return statusOf(row);
      const final = FINAL_TRANSFER_STATES.includes(answer.state);
      const at = new Date();
      // Conditional on the state we read: a concurrent notification applying the end wins once.
      const result = await repo.update(
        { outBillNo, state: row.state },
        {
          state: answer.state,
          transferBillNo: answer.transferBillNo ?? row.transferBillNo,
          failReason: answer.failReason,
          finishedAt: final ? at : null,
        },
      );
      const updated = await repo.findOneByOrFail({ outBillNo });
      if (final && (result.affected ?? 0) > 0) {
        await this.hooks.current.transferFinished(m, {
          outBillNo,
          succeeded: answer.state === 'SUCCESS',
          failReason: answer.state === 'SUCCESS' ? null : (answer.failReason ?? answer.state),
          at,
        });
      }
      return statusOf(updated);
    });
  }
}

function touch(m: EntityManager, outBillNo: string) {
  return m.getRepository(TransferEntity).update({ outBillNo }, { updatedAt: new Date() });
}

function requestOf(row: TransferEntity): TransferRequest {
  return { outBillNo: row.outBillNo, openid: row.openid, amountFen: row.amount, remark: row.remark };
}

function statusOf(row: TransferEntity): TransferStatus {
  const finished = FINAL_TRANSFER_STATES.includes(row.state);
  return {
    outBillNo: row.outBillNo,
    waitingForUser: row.state === 'WAIT_USER_CONFIRM',
    finished,
    succeeded: row.state === 'SUCCESS',
    failReason: row.failReason,
  };
}
