import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderStatus, PickupPointSummary } from '@linli/shared-types';
import {
  CreatedAtColumn,
  JsonColumn,
  MoneyColumn,
  UpdatedAtColumn,
  UtcDateTimeColumn,
} from '../../../platform';

/** A stocked SKU and quantity the order reserved (bundles already expanded into components). */
export interface StockLine {
  skuId: number;
  quantity: number;
}

/** Where the buyer picks up, as it was when they ordered. */
export interface PickupSnapshot {
  leaderName: string;
  leaderPhone: string | null;
  pickupPoint: PickupPointSummary | null;
}

/** An order (订单) of one campaign at one leader's pickup point. See docs/orders.md. */
@Entity('orders')
export class OrderEntity {
  /** bigint in the database; mysql2 hands it back as a number (safe up to 2^53). */
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 24 })
  orderNo!: string;

  @Column({ type: 'int' })
  memberId!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'int' })
  campaignId!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: OrderStatus;

  @Column({ type: 'boolean', default: false })
  flashSale!: boolean;

  @MoneyColumn({ default: 0 })
  goodsAmount!: number;

  @MoneyColumn({ default: 0 })
  discountAmount!: number;

  @MoneyColumn({ default: 0 })
  payableAmount!: number;

  @MoneyColumn({ default: 0 })
  paidAmount!: number;

  @MoneyColumn({ default: 0 })
  refundedAmount!: number;

  /**
   * Fen committed to refunds (requested: processing or succeeded, and failed ones awaiting a retry);
   * raised only by `refund_committed + :a <= paid_amount` conditional updates, so refunds never exceed
   * what was paid. `refundedAmount` counts the money that actually went back.
   */
  @MoneyColumn({ default: 0 })
  refundCommitted!: number;

  @Column({ type: 'int' })
  itemCount!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  remark!: string | null;

  @Column({ type: 'varchar', length: 64 })
  idempotencyKey!: string;

  /** SHA-256 hex of the request body (char(64) in the table). */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @JsonColumn()
  stockLines!: StockLine[];

  @JsonColumn()
  pickupSnapshot!: PickupSnapshot;

  @UtcDateTimeColumn()
  payDeadlineAt!: Date;

  @UtcDateTimeColumn({ nullable: true })
  paidAt!: Date | null;

  /** When the cut-off locked it for fulfillment (stays set afterwards: the order belongs to the wave). */
  @UtcDateTimeColumn({ nullable: true })
  lockedAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  shippedAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  readyAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  pickedUpAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  pickupCode!: string | null;

  /** The pickup code while the order waits for pickup; NULL otherwise (unique per leader). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  openPickupCode!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
