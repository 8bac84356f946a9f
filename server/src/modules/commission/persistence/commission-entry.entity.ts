import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommissionDetailLine, CommissionEntryStatus, CommissionEntryType } from '@linli/shared-types';
import { CreatedAtColumn, JsonColumn, MoneyColumn, UtcDateTimeColumn } from '../../../platform';

/**
 * One line of the commission ledger (append-only: amounts never change; only the status moves
 * frozen → available, and a paid withdrawal's hold becomes settled). Balances are sums of these rows.
 */
@Entity('commission_entries')
export class CommissionEntryEntity {
  /** bigint in the database; a number here (safe up to 2^53). */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'bigint', nullable: true })
  orderId!: number | null;

  @Column({ type: 'varchar', length: 20 })
  type!: CommissionEntryType;

  /** Fen; negative for money going out (reversal, withdrawal hold) or taken back. */
  @MoneyColumn()
  amount!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: CommissionEntryStatus;

  /** When a frozen entry becomes available (the after-sales window's end). */
  @UtcDateTimeColumn()
  availableAt!: Date;

  @Column({ type: 'int', nullable: true })
  ruleSetId!: number | null;

  @Column({ type: 'int', nullable: true })
  ruleSetVersion!: number | null;

  /** One entry per key: `accrual:<orderId>`, `referral:<orderId>:<depth>`… (see docs/commission.md). */
  @Column({ type: 'varchar', length: 80 })
  entryKey!: string;

  /** The entry a reversal takes back. */
  @Column({ type: 'bigint', nullable: true })
  sourceEntryId!: number | null;

  @Column({ type: 'int', nullable: true })
  withdrawalId!: number | null;

  @JsonColumn()
  details!: CommissionDetailLine[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
