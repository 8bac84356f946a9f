import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { UtcDateTimeColumn } from '../database/columns';

/**
 * A (handler, event) delivery that failed. While `failedAt` is null the queue is still retrying; once
 * the attempts are exhausted `failedAt` is set and nothing retries it until an operator does
 * (`OutboxService.retryFailedDelivery`). A later success deletes the row.
 */
@Entity({ name: 'outbox_failures' })
export class OutboxFailureEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @Column({ type: 'varchar', length: 150 })
  handlerName!: string;

  /** Failed tries so far, across queue jobs and process restarts. */
  @Column({ type: 'int' })
  attempts!: number;

  @Column({ type: 'text' })
  lastError!: string;

  @UtcDateTimeColumn()
  lastAttemptAt!: Date;

  @UtcDateTimeColumn({ nullable: true })
  failedAt!: Date | null;
}
