import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, UtcDateTimeColumn } from '../database/columns';

/** An event written in the business transaction, relayed to the queue after commit. */
@Entity({ name: 'outbox_events' })
export class OutboxEventEntity {
  /** Sequence for ordering and claiming (a string: MySQL BIGINT). */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** Public, globally unique event id (handlers de-duplicate on it). */
  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 100 })
  type!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  aggregateId!: string | null;

  @JsonColumn()
  payload!: Record<string, unknown>;

  @UtcDateTimeColumn()
  occurredAt!: Date;

  @UtcDateTimeColumn({ nullable: true })
  relayedAt!: Date | null;

  /** Which relay pass owns the row until `claimedUntil` (multi-process safe claiming). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  claimedUntil!: Date | null;

  /**
   * Set by the redelivery sweep once every handler subscribed to the type has a processed_events row
   * or a permanent outbox_failures row; unsettled relayed rows are the ones the sweep re-checks.
   */
  @UtcDateTimeColumn({ nullable: true })
  settledAt!: Date | null;
}
