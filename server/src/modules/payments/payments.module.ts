import { Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, JobQueue } from '../../platform';
import { WechatPayNotifyController } from './api/wechatpay-notify.controller';
import { RefundWorker } from './jobs/refund-worker';
import { PaymentNotificationsService } from './payment-notifications.service';
import { PaymentOutcomeHooks } from './payment-outcome-hooks';
import { PaymentsService } from './payments.service';
import { PaymentNotificationEntity } from './persistence/payment-notification.entity';
import { PaymentEntity } from './persistence/payment.entity';
import { RefundEntity } from './persistence/refund.entity';
import { TransferEntity } from './persistence/transfer.entity';
import { PaymentProvider } from './providers/payment-provider';
import { SimulatorPaymentProvider } from './providers/simulator.provider';
import { WechatPayProvider } from './providers/wechatpay.provider';
import { RefundLedger } from './refund-ledger';
import { SIMULATOR_REFUND_JOB, SimulatorPayments } from './simulator-payments';
import { TransferOutcomeHooks } from './transfer-outcome-hooks';
import { TransfersService } from './transfers.service';

/** The provider chosen by PAYMENT_PROVIDER (see platform/config/payments-config.ts). */
function createProvider(config: AppConfig, dataSource: DataSource, queue: JobQueue): PaymentProvider {
  if (config.payments.provider === 'wechatpay') return new WechatPayProvider(config.payments);
  return new SimulatorPaymentProvider(
    config.wechat?.appId ?? 'wx0000000000simulator',
    (outTradeNo) => dataSource.getRepository(PaymentEntity).findOneBy({ outTradeNo }),
    async (refund) => {
      await queue.add(SIMULATOR_REFUND_JOB, refund, {
        jobId: `simulator-refund-${refund.outRefundNo}`,
        attempts: 5,
      });
    },
    (outBillNo) => dataSource.getRepository(TransferEntity).findOneBy({ outBillNo }),
  );
}

/** Payments and refunds through WeChat Pay v3 (or its simulator), and the provider's notifications. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PaymentEntity, RefundEntity, PaymentNotificationEntity, TransferEntity]),
  ],
  controllers: [WechatPayNotifyController],
  providers: [
    {
      provide: PaymentProvider,
      inject: [APP_CONFIG, getDataSourceToken(), JobQueue],
      useFactory: createProvider,
    },
    PaymentOutcomeHooks,
    PaymentsService,
    PaymentNotificationsService,
    RefundLedger,
    RefundWorker,
    SimulatorPayments,
    TransferOutcomeHooks,
    TransfersService,
  ],
  exports: [
    PaymentsService,
    PaymentOutcomeHooks,
    SimulatorPayments,
    RefundLedger,
    TransferOutcomeHooks,
    TransfersService,
  ],
})
export class PaymentsModule {}
