import { Injectable } from '@nestjs/common';
import type { WithdrawalConfirmation, WithdrawalView } from '@linli/shared-types';
import { ConflictError, type RequestContext } from '../../platform';
import { SimulatorPayments, TransfersService } from '../payments';
import { WithdrawalsService } from './withdrawals.service';

const notAwaiting = () =>
  new ConflictError('WITHDRAWAL_NOT_AWAITING_CONFIRMATION', '这笔提现当前无需确认收款');

/**
 * The leader's side of a WeChat payout: 确认收款 in the mini-program (wx.requestMerchantTransfer, or the
 * simulated sheet in the embedded mode), then asking WeChat Pay for the outcome. What the front end says
 * happened is never trusted: the state changes only by WeChat's answer or notification.
 */
@Injectable()
export class PayoutConfirmations {
  constructor(
    private readonly withdrawals: WithdrawalsService,
    private readonly transfers: TransfersService,
    private readonly simulator: SimulatorPayments,
  ) {}

  /** POST /api/app/leader/commission/withdrawals/:id/confirmation */
  async confirmation(ctx: RequestContext, id: number): Promise<WithdrawalConfirmation> {
    const { withdrawal } = await this.withdrawals.ownWithdrawal(ctx, id);
    if (withdrawal.status !== 'paying' || !withdrawal.awaitingConfirmation || !withdrawal.outBillNo)
      throw notAwaiting();
    return this.transfers.confirmation(withdrawal.outBillNo);
  }

  /** POST /api/app/leader/commission/withdrawals/:id/simulate (simulator only) */
  async simulate(ctx: RequestContext, id: number, accept: boolean): Promise<WithdrawalView> {
    const { withdrawal } = await this.withdrawals.ownWithdrawal(ctx, id);
    if (withdrawal.status !== 'paying' || !withdrawal.outBillNo) throw notAwaiting();
    await this.simulator.finishTransfer(withdrawal.outBillNo, accept);
    return this.withdrawals.ownView(ctx, id);
  }

  /** POST /api/app/leader/commission/withdrawals/:id/sync */
  async sync(ctx: RequestContext, id: number): Promise<WithdrawalView> {
    const { withdrawal } = await this.withdrawals.ownWithdrawal(ctx, id);
    if (withdrawal.status === 'paying' && withdrawal.outBillNo)
      await this.transfers.sync(withdrawal.outBillNo);
    return this.withdrawals.ownView(ctx, id);
  }
}
