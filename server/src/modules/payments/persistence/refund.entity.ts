import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderActorType, RefundStatus } from '@linli/shared-types';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** Money going back to the buyer through the provider. processing → succeeded | failed (failed may be retried). */
@Entity('refunds')
export class RefundEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'bigint' })
  paymentId!: number;

  @Column({ type: 'bigint' })
  orderId!: number;

  /** Our refund number at the provider; a retry after a definite failure gets a new one. */
  @Column({ type: 'varchar', length: 64 })
  outRefundNo!: string;

  @MoneyColumn()
  amount!: number;

  /** The caller's idempotency key (partial refunds): a retry with the same key answers the same refund. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  requestKey!: string | null;

  @Column({ type: 'varchar', length: 100 })
  reason!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RefundStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  providerRefundId!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  failureReason!: string | null;

  @Column({ type: 'varchar', length: 10 })
  requestedByType!: OrderActorType;

  @Column({ type: 'int', nullable: true })
  requestedById!: number | null;

  @Column({ type: 'varchar', length: 64 })
  requestedByName!: string;

  /** Out-refund-numbers used so far (1 = the first); a retry after a definite failure takes the next. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @UtcDateTimeColumn({ nullable: true })
  succeededAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
