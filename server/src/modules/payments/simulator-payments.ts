import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConflictError, defineJob, JobHandler, NotFoundError } from '../../platform';
import { PaymentNotificationsService } from './payment-notifications.service';
import { PaymentEntity } from './persistence/payment.entity';
import { TransferEntity } from './persistence/transfer.entity';
import { PaymentProvider } from './providers/payment-provider';
import { SimulatorPaymentProvider, type SimulatedRefund } from './providers/simulator.provider';

declare module '../../platform' {
  interface JobPayloads {
    /** The simulator confirms a refund it accepted, as WeChat would: a REFUND.SUCCESS notification. */
    'payments.simulator-refund': SimulatedRefund;
  }
}
export const SIMULATOR_REFUND_JOB = defineJob('payments.simulator-refund');

/**
 * The buyer's side of the simulator: "pay" produces the TRANSACTION.SUCCESS notification WeChat would
 * send and feeds it through the real pipeline; accepted refunds are confirmed the same way from a job.
 */
@Injectable()
export class SimulatorPayments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly provider: PaymentProvider,
    private readonly notifications: PaymentNotificationsService,
  ) {}

  get enabled(): boolean {
    return this.provider instanceof SimulatorPaymentProvider;
  }

  /** The buyer confirms the simulated payment sheet. */
  async pay(outTradeNo: string): Promise<{ orderId: number }> {
    const simulator = this.simulator();
    const payment = await this.dataSource.getRepository(PaymentEntity).findOneBy({ outTradeNo });
    if (!payment) throw new NotFoundError('ORDER_NOT_FOUND', '支付单不存在，请先发起支付');
    // Like WeChat: a closed trade cannot be paid; a paid one is simply paid.
    if (payment.status === 'closed') throw new ConflictError('ORDER_NOT_PAYABLE', '订单已关闭，无法支付');
    if (payment.status === 'pending') {
      const notification = simulator.paymentNotification({
        outTradeNo,
        amountFen: payment.amount,
        payerOpenid: payment.payerOpenid ?? 'simulated-openid',
      });
      await this.notifications.handle(notification.headers, notification.body);
    }
    return { orderId: Number(payment.orderId) };
  }

  /**
   * The leader's answer on the simulated 确认收款 sheet: accept → the transfer succeeds; decline → it ends
   * as WeChat ends an unconfirmed one (FAIL, OVERDUE_CLOSE). Either way through a signed notification.
   */
  async finishTransfer(outBillNo: string, accept: boolean): Promise<void> {
    const simulator = this.simulator();
    const transfer = await this.dataSource.getRepository(TransferEntity).findOneBy({ outBillNo });
    if (!transfer || transfer.state !== 'WAIT_USER_CONFIRM') {
      throw new ConflictError('WITHDRAWAL_NOT_AWAITING_CONFIRMATION', '这笔提现当前无需确认收款');
    }
    const notification = simulator.transferNotification(transfer, accept ? 'SUCCESS' : 'FAIL');
    await this.notifications.handle(notification.headers, notification.body);
  }

  @JobHandler(SIMULATOR_REFUND_JOB)
  async onRefund(refund: SimulatedRefund): Promise<void> {
    const notification = this.simulator().refundNotification(refund);
    await this.notifications.handle(notification.headers, notification.body);
  }

  private simulator(): SimulatorPaymentProvider {
    if (!(this.provider instanceof SimulatorPaymentProvider)) {
      throw new NotFoundError('PAYMENT_SIMULATOR_DISABLED', '模拟支付未开启（当前使用微信支付）');
    }
    return this.provider;
  }
}
