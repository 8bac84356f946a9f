import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BusinessError, isUniqueViolation, TransactionRunner } from '../../platform';
import {
  NotificationRejectedError,
  parseRefundResource,
  parseTransactionResource,
  parseTransferBillResource,
  type NotificationHeaders,
  type VerifiedNotification,
} from './wechatpay';
import { PaymentsService } from './payments.service';
import {
  PaymentNotificationEntity,
  type NotificationOutcome,
} from './persistence/payment-notification.entity';
import { PaymentProvider } from './providers/payment-provider';
import { refundOf } from './providers/trade-mapping';
import { TransfersService } from './transfers.service';

const REFUND_EVENTS = ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED'];

const invalid = (message: string, status = 400) =>
  new BusinessError('PAYMENT_NOTIFICATION_INVALID', message, status);

/**
 * The one pipeline every provider notification goes through (WeChat's, and the simulator's, which are
 * built the same way): verify the platform signature and timestamp, decrypt the resource, check it is
 * addressed to us, then apply it once. A replayed notification (same id) is recognised by its log row and
 * answered as a success without doing anything; anything we refuse changes nothing (one transaction).
 */
@Injectable()
export class PaymentNotificationsService {
  private readonly logger = new Logger(PaymentNotificationsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly provider: PaymentProvider,
    private readonly payments: PaymentsService,
    private readonly transfers: TransfersService,
  ) {}

  async handle(headers: NotificationHeaders, rawBody: string): Promise<NotificationOutcome | 'duplicate'> {
    let notification: VerifiedNotification<unknown>;
    try {
      notification = this.provider.notificationVerifier.verify(headers, rawBody);
    } catch (error) {
      if (error instanceof NotificationRejectedError) {
        this.logger.warn({ reason: error.reason }, `payment notification refused: ${error.message}`);
        throw invalid(error.message, 401);
      }
      throw error;
    }
    return this.tx.run(async (m) => {
      if (!(await this.logFirstSight(m, notification))) return 'duplicate';
      const outcome = await this.apply(notification);
      await m
        .getRepository(PaymentNotificationEntity)
        .update({ provider: this.provider.name, notificationId: notification.id }, outcome.log);
      return outcome.log.outcome;
    });
  }

  private async apply(
    notification: VerifiedNotification<unknown>,
  ): Promise<{ log: { outcome: NotificationOutcome; outTradeNo?: string; outRefundNo?: string } }> {
    const parse = <T>(read: (resource: unknown) => T): T => {
      try {
        return read(notification.resource);
      } catch (error) {
        throw invalid(error instanceof Error ? error.message : '通知内容格式错误');
      }
    };
    if (notification.eventType === 'TRANSACTION.SUCCESS') {
      const trade = parse(parseTransactionResource);
      // A payment must name our app too (a missing appid counts as someone else's).
      this.assertOurs(trade.mchid, trade.appid ?? '');
      if (trade.trade_state !== 'SUCCESS' || !trade.transaction_id || trade.amount?.total === undefined) {
        return { log: { outcome: 'ignored', outTradeNo: trade.out_trade_no } };
      }
      const outcome = await this.payments.applySucceededTrade({
        outTradeNo: trade.out_trade_no,
        transactionId: trade.transaction_id,
        amountFen: trade.amount.total,
        payerOpenid: trade.payer?.openid ?? null,
        paidAt: trade.success_time ? new Date(trade.success_time) : new Date(),
      });
      return { log: { outcome, outTradeNo: trade.out_trade_no } };
    }
    if (REFUND_EVENTS.includes(notification.eventType)) {
      const refund = parse(parseRefundResource);
      this.assertOurs(refund.mchid, undefined);
      const mapped = refundOf(refund.refund_id, refund.refund_status);
      if (mapped.status !== 'processing') {
        await this.payments.settleRefund(
          refund.out_refund_no,
          {
            status: mapped.status,
            providerRefundId: mapped.providerRefundId,
            failureReason: mapped.failureReason,
            at: refund.success_time ? new Date(refund.success_time) : new Date(),
          },
          refund.amount.refund,
        );
      }
      return {
        log: {
          outcome: 'refund_settled',
          outTradeNo: refund.out_trade_no,
          outRefundNo: refund.out_refund_no,
        },
      };
    }
    if (notification.eventType === 'MCHTRANSFER.BILL.FINISHED') {
      const bill = parse(parseTransferBillResource);
      this.assertOurs(bill.mch_id, undefined);
      const outcome = await this.transfers.applyNotification({
        outBillNo: bill.out_bill_no,
        transferBillNo: bill.transfer_bill_no,
        state: bill.state,
        amountFen: bill.transfer_amount,
        failReason: bill.fail_reason ?? null,
      });
      // A bill we never made (another system on the same merchant): logged, nothing to apply.
      return { log: { outcome: outcome === 'applied' ? 'transfer_finished' : 'ignored' } };
    }
    return { log: { outcome: 'ignored' } };
  }

  /** A notification for another merchant or app is not ours to apply. */
  private assertOurs(mchid: string, appid: string | undefined): void {
    if (
      mchid !== this.provider.merchant.mchid ||
      (appid !== undefined && appid !== this.provider.merchant.appid)
    ) {
      throw invalid('通知的商户号或 AppID 与本系统不符');
    }
  }

  /** False when this notification id was logged before (a replay): nothing is done again. */
  private async logFirstSight(
    m: EntityManager,
    notification: VerifiedNotification<unknown>,
  ): Promise<boolean> {
    try {
      await m.getRepository(PaymentNotificationEntity).insert({
        provider: this.provider.name,
        notificationId: notification.id.slice(0, 64),
        eventType: notification.eventType.slice(0, 40),
        outTradeNo: null,
        outRefundNo: null,
        outcome: 'ignored',
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }
}
