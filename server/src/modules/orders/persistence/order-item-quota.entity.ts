import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Units of a limited campaign item a member holds in orders that are not cancelled or refunded. Raised
 * and lowered only by conditional updates, so concurrent orders can never pass the per-member limit.
 */
@Entity('order_item_quotas')
export class OrderItemQuotaEntity {
  @PrimaryColumn({ type: 'int' })
  memberId!: number;

  @PrimaryColumn({ type: 'int' })
  campaignItemId!: number;

  @Column({ type: 'int', default: 0 })
  quantity!: number;
}
