import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WithdrawalMethod, WithdrawalStatus } from '@linli/shared-types';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** A leader's withdrawal (提现): reviewing → approved → paying → paid, or rejected / failed. */
@Entity('commission_withdrawals')
export class WithdrawalEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  /** The client's idempotency key: a retried request finds its withdrawal (unique per leader). */
  @Column({ type: 'varchar', length: 64 })
  requestId!: string;

  @MoneyColumn()
  amount!: number;

  @Column({ type: 'varchar', length: 10 })
  method!: WithdrawalMethod;

  @Column({ type: 'varchar', length: 12 })
  status!: WithdrawalStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  bankHolder!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  bankName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  bankAccountNo!: string | null;

  /** WeChat payouts: the payee and our 商家转账 bill number. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outBillNo!: string | null;

  /** Bank payouts: the Excel batch it was exported in. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  batchNo!: string | null;

  @Column({ type: 'boolean', default: false })
  awaitingConfirmation!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reviewNote!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  reviewedByName!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  failureReason!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  paidAt!: Date | null;

  @CreatedAtColumn()
  requestedAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
