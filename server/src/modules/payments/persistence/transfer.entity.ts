import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';
import type { TransferBillState } from '../wechatpay';

/** Our state of a transfer: NEW until the provider first answers, then the provider's state. */
export type TransferState = 'NEW' | TransferBillState;

/**
 * A transfer to a user's WeChat balance (商家转账) we asked the provider for: the record that survives
 * restarts, so a lost answer is asked again with the same bill number and never paid twice.
 */
@Entity('payment_transfers')
export class TransferEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  outBillNo!: string;

  @Column({ type: 'varchar', length: 16 })
  provider!: string;

  @MoneyColumn()
  amount!: number;

  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Column({ type: 'varchar', length: 32 })
  remark!: string;

  @Column({ type: 'varchar', length: 20 })
  state!: TransferState;

  @Column({ type: 'varchar', length: 64, nullable: true })
  transferBillNo!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  failReason!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  finishedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

export const FINAL_TRANSFER_STATES: readonly TransferState[] = ['SUCCESS', 'FAIL', 'CANCELLED'];
