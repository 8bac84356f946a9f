import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignAudienceKind, CampaignStatus } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** A group-buy campaign (团购活动). */
@Entity('campaigns')
export class CampaignEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  /** A cover URL from before covers were uploads (kept for old rows; new campaigns use coverKey). */
  @Column({ type: 'varchar', length: 512, nullable: true })
  coverUrl!: string | null;

  /** Storage key of the uploaded cover; null = the first item's product image. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  coverKey!: string | null;

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

  /** 'levels' / 'leaders' list their ids in campaign_audience_targets. */
  @Column({ type: 'varchar', length: 16, default: 'all' })
  audience!: CampaignAudienceKind;

  /** 秒杀: orders pass the Redis flash-sale gate before the database. */
  @Column({ type: 'boolean', default: false })
  flashSale!: boolean;

  /** The campaign this one was copied from (复制), if any. */
  @Column({ type: 'int', nullable: true })
  duplicatedFromId!: number | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
