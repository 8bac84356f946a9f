import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { UtcDateTimeColumn } from '../database/columns';

/** One row per (handler, event) that ran; the unique key makes replays no-ops. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 150 })
  handlerName!: string;

  @Column({ type: 'varchar', length: 36 })
  eventId!: string;

  @UtcDateTimeColumn()
  processedAt!: Date;
}
