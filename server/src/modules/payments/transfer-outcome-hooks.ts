import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A transfer reached its final state: the money arrived, or it did not move at all. */
export interface TransferFinished {
  outBillNo: string;
  succeeded: boolean;
  /** WeChat's reason when it did not succeed (OVERDUE_CLOSE, CANCELLED…). */
  failReason: string | null;
  at: Date;
}

export interface TransferOutcomeListener {
  /** Runs in the same transaction as the transfer record's final state. */
  transferFinished(manager: EntityManager, event: TransferFinished): Promise<void>;
}

/**
 * How payments tells the commission context that a payout ended, without importing it (commission depends
 * on payments). The commission module registers its listener at start-up.
 */
@Injectable()
export class TransferOutcomeHooks {
  private listener: TransferOutcomeListener | null = null;

  register(listener: TransferOutcomeListener): void {
    if (this.listener) throw new Error('a transfer outcome listener is already registered');
    this.listener = listener;
  }

  get current(): TransferOutcomeListener {
    if (!this.listener)
      throw new Error('no transfer outcome listener registered (is CommissionModule loaded?)');
    return this.listener;
  }
}
