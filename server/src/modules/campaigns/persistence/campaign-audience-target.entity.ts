import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One level or leader a campaign with audience 'levels' / 'leaders' is offered to. */
@Entity('campaign_audience_targets')
export class CampaignAudienceTargetEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  campaignId!: number;

  @Column({ type: 'varchar', length: 8 })
  targetKind!: 'level' | 'leader';

  @Column({ type: 'int' })
  targetId!: number;
}
