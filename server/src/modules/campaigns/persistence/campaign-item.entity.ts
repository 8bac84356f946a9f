import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, MoneyColumn } from '../../../platform';

/** A SKU offered in a campaign at a group price. */
@Entity('campaign_items')
export class CampaignItemEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  campaignId!: number;

  @Column({ type: 'int' })
  skuId!: number;

  @MoneyColumn()
  groupPrice!: number;

  /** 划线价 shown struck through next to the group price. */
  @MoneyColumn()
  originalPrice!: number;

  /** 0 = no limit. */
  @Column({ type: 'int', default: 0 })
  perMemberLimit!: number;

  /** Optional cap on how many units this campaign may sell; null = limited by SKU stock only. */
  @Column({ type: 'int', nullable: true })
  stockCap!: number | null;

  /** Units sold in this campaign (已团); raised and lowered by orders with conditional updates. */
  @Column({ type: 'int', default: 0 })
  soldQuantity!: number;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
