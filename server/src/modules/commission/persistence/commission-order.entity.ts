import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, MoneyColumn, UtcDateTimeColumn } from '../../../platform';
import type { CommissionLineInput } from '../domain/order-commission';

/**
 * A completed order as commission saw it: the calculator's inputs at completion (so every entry can be
 * explained and re-computed under another rule set without asking other contexts), and what it earned.
 */
@Entity('commission_orders')
export class CommissionOrderEntity {
  @PrimaryColumn({ type: 'bigint' })
  orderId!: number;

  @Column({ type: 'varchar', length: 24 })
  orderNo!: string;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'int', nullable: true })
  levelId!: number | null;

  /** The recruiting leader (depth 1) and theirs (depth 2) at completion. */
  @Column({ type: 'int', nullable: true })
  upline1Id!: number | null;

  @Column({ type: 'int', nullable: true })
  upline2Id!: number | null;

  @UtcDateTimeColumn()
  completedAt!: Date;

  @MoneyColumn()
  paidAmount!: number;

  /** Grows with every refund after completion; GMV for tiers is paid − refunded. */
  @MoneyColumn()
  refundedAmount!: number;

  @JsonColumn()
  lines!: CommissionLineInput[];

  @Column({ type: 'int' })
  ruleSetId!: number;

  @Column({ type: 'int' })
  ruleSetVersion!: number;

  /** What the order's leader earned (the accrual), fen. */
  @MoneyColumn()
  accrualAmount!: number;

  /** What the recruiting leader (depth 1) and theirs (depth 2) earned on it (referrals), fen. */
  @MoneyColumn()
  referral1Amount!: number;

  @MoneyColumn()
  referral2Amount!: number;
}
