import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  defineJob,
  JobHandler,
  JobQueue,
  SweepChain,
  TransactionRunner,
} from '../../../platform';
import { PaymentsService, REFUND_JOB } from '../payments.service';
import { PaymentEntity } from '../persistence/payment.entity';
import { ProviderRejectedError, PaymentProvider } from '../providers/payment-provider';
import { RefundLedger } from '../refund-ledger';

declare module '../../../platform' {
  interface JobPayloads {
    /** Asks the provider about refunds whose notification is late or lost; queues the next sweep. */
    'payments.refund-sweep': { slot: number };
  }
}
export const REFUND_SWEEP_JOB = defineJob('payments.refund-sweep');

/** A processing refund unanswered for this long is queried at the provider. */
const STALE_AFTER_MS = 5 * 60_000;
const SWEEP_INTERVAL_MS = 5 * 60_000;
const SWEEP_BATCH = 50;

/**
 * Sends refunds to the provider and settles the ones whose answer never came. The same
 * out-refund-number is used for every retry of an attempt, so the provider refunds at most once.
 */
@Injectable()
export class RefundWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(RefundWorker.name);
  private readonly sweeps: SweepChain;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly provider: PaymentProvider,
    private readonly payments: PaymentsService,
    private readonly refunds: RefundLedger,
    private readonly queue: JobQueue,
  ) {
    this.sweeps = new SweepChain(queue, REFUND_SWEEP_JOB, SWEEP_INTERVAL_MS, this.logger);
  }

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return;
    void this.sweeps.queueFrom(Date.now() + SWEEP_INTERVAL_MS);
  }

  @JobHandler(REFUND_JOB)
  async onRefund(data: { refundId: number }): Promise<void> {
    const refund = await this.refunds.findById(data.refundId);
    if (!refund || refund.status !== 'processing') return;
    const payment = await this.dataSource
      .getRepository(PaymentEntity)
      .findOneByOrFail({ id: refund.paymentId });
    try {
      const answer = await this.provider.refund({
        outTradeNo: payment.outTradeNo,
        outRefundNo: refund.outRefundNo,
        refundFen: refund.amount,
        totalFen: payment.amount,
        reason: refund.reason,
      });
      if (answer.status === 'processing') {
        await this.tx.run((m) => this.refunds.noteAccepted(m, refund.id, answer.providerRefundId));
        return;
      }
      await this.payments.settleRefund(refund.outRefundNo, {
        ...answer,
        status: answer.status,
        at: new Date(),
      });
    } catch (error) {
      if (error instanceof ProviderRejectedError) {
        await this.payments.settleRefund(refund.outRefundNo, {
          status: 'failed',
          providerRefundId: null,
          failureReason: `微信支付拒绝退款：${error.message}`.slice(0, 200),
          at: new Date(),
        });
        return;
      }
      throw error; // network trouble: the queue retries with the same out-refund-number
    }
  }

  @JobHandler(REFUND_SWEEP_JOB)
  async onSweep(data: { slot: number }): Promise<void> {
    await this.sweeps.run(data.slot, () => this.settleStale(data.slot));
  }

  /** Asks the provider about refunds still processing after STALE_AFTER_MS. */
  private async settleStale(slot: number): Promise<void> {
    for (const refund of await this.refunds.findStale(new Date(Date.now() - STALE_AFTER_MS), SWEEP_BATCH)) {
      const answer = await this.provider.queryRefund(refund.outRefundNo).catch((error: unknown) => {
        this.logger.warn({ err: error, refundId: refund.id }, 'refund query failed');
        return undefined;
      });
      if (answer === undefined) continue;
      if (answer === null) {
        // The provider never got it (the call was lost): ask again with the same number.
        await this.queue.add(
          REFUND_JOB,
          { refundId: refund.id },
          { jobId: `refund-${refund.id}-${refund.attempts}-sweep-${slot}` },
        );
      } else if (answer.status !== 'processing') {
        await this.payments.settleRefund(refund.outRefundNo, {
          ...answer,
          status: answer.status,
          at: new Date(),
        });
      }
    }
  }
}
