import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PurchaseListStatus } from '@linli/shared-types';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** A fulfillment wave (波次): one per campaign, written by the cut-off. */
@Entity('fulfillment_waves')
export class FulfillmentWaveEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  campaignId!: number;

  /** The campaign's cut-off the wave was cut at. */
  @UtcDateTimeColumn()
  cutoffAt!: Date;

  @UtcDateTimeColumn()
  lockedAt!: Date;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

/** A purchase list (采购单): what to buy from one supplier for one wave. */
@Entity('purchase_lists')
export class PurchaseListEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  listNo!: string;

  @Column({ type: 'int' })
  waveId!: number;

  @Column({ type: 'int' })
  campaignId!: number;

  @Column({ type: 'int', nullable: true })
  supplierId!: number | null;

  /** supplierId, or 0 without a supplier (unique with the wave). */
  @Column({ type: 'int' })
  supplierKey!: number;

  @Column({ type: 'varchar', length: 64 })
  supplierName!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: PurchaseListStatus;

  @UtcDateTimeColumn({ nullable: true })
  orderedAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  receivedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

@Entity('purchase_list_lines')
export class PurchaseListLineEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  purchaseListId!: number;

  @Column({ type: 'int' })
  skuId!: number;

  @Column({ type: 'varchar', length: 100 })
  productName!: string;

  @Column({ type: 'varchar', length: 100 })
  specText!: string;

  @Column({ type: 'varchar', length: 8 })
  unit!: string;

  @Column({ type: 'int' })
  demandQuantity!: number;

  @Column({ type: 'int' })
  stockQuantity!: number;

  @Column({ type: 'int' })
  suggestedQuantity!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @Column({ type: 'int', nullable: true })
  receivedQuantity!: number | null;

  @MoneyColumn()
  unitCost!: number;
}

/** A delivery route (配送线路): standing data, its stops in `delivery_route_stops`. */
@Entity('delivery_routes')
export class DeliveryRouteEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  driverName!: string;

  @Column({ type: 'varchar', length: 20 })
  driverPhone!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  vehicle!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

/** One stop of a route: a leader's pickup point, at position `seq` (1-based). A point is on one route at most. */
@Entity('delivery_route_stops')
export class DeliveryRouteStopEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  routeId!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'int' })
  leaderId!: number;
}

/** A route left for a wave (the latest shipment's time and how many orders it moved in all). */
@Entity('route_shipments')
export class RouteShipmentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  waveId!: number;

  @Column({ type: 'int' })
  routeId!: number;

  @Column({ type: 'int' })
  orderCount!: number;

  @UtcDateTimeColumn()
  shippedAt!: Date;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
