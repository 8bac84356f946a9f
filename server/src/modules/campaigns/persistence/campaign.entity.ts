import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignStatus } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';
import type { CampaignAudience } from '../domain/campaign-rules';

/** A group-buy campaign (团购活动). */
@Entity('campaigns')
export class CampaignEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  coverUrl!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: CampaignStatus;

  @UtcDateTimeColumn()
  startAt!: Date;

  @UtcDateTimeColumn()
  endAt!: Date;

  @UtcDateTimeColumn()
  cutoffAt!: Date;

  /** Asia/Shanghai calendar date, YYYY-MM-DD. */
  @Column({ type: 'varchar', length: 10 })
  pickupDate!: string;

  @Column({ type: 'varchar', length: 16, default: 'all' })
  audience!: CampaignAudience;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
