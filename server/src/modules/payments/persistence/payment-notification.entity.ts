import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../platform';

/** What happened with a notification the provider sent (its id is unique: replays are recognised). */
export type NotificationOutcome =
  'paid' | 'already_paid' | 'late_payment_refund' | 'refund_settled' | 'transfer_finished' | 'ignored';

@Entity('payment_notifications')
export class PaymentNotificationEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  provider!: string;

  @Column({ type: 'varchar', length: 64 })
  notificationId!: string;

  @Column({ type: 'varchar', length: 40 })
  eventType!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outTradeNo!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  outRefundNo!: string | null;

  @Column({ type: 'varchar', length: 24 })
  outcome!: NotificationOutcome;

  @CreatedAtColumn()
  receivedAt!: Date;
}
