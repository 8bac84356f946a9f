import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AfterSalesEventType,
  AfterSalesReason,
  AfterSalesSource,
  AfterSalesStatus,
  OrderActorType,
} from '@linli/shared-types';
import {
  CreatedAtColumn,
  JsonColumn,
  MoneyColumn,
  UpdatedAtColumn,
  UtcDateTimeColumn,
} from '../../../platform';

/** An after-sales case (售后单). pending → approved | rejected, by conditional updates. */
@Entity('aftersales_cases')
export class AfterSalesCaseEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 32 })
  caseNo!: string;

  @Column({ type: 'bigint' })
  orderId!: number;

  @Column({ type: 'varchar', length: 24 })
  orderNo!: string;

  /** = order_id while the case is pending, NULL afterwards: a unique index keeps one open case per order. */
  @Column({ type: 'bigint', nullable: true })
  openOrderId!: number | null;

  @Column({ type: 'int' })
  memberId!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: AfterSalesStatus;

  @Column({ type: 'varchar', length: 16 })
  source!: AfterSalesSource;

  @Column({ type: 'varchar', length: 16 })
  reason!: AfterSalesReason;

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  @JsonColumn()
  photoKeys!: string[];

  @Column({ type: 'boolean', default: false })
  wholeOrder!: boolean;

  @MoneyColumn()
  amount!: number;

  /** The requester's idempotency key (unique per order). */
  @Column({ type: 'varchar', length: 64 })
  requestId!: string;

  /** SHA-256 hex of the request (a replay with another body is refused). */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'bigint', nullable: true })
  refundId!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  rejectReason!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  autoApproveAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  decidedAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  stockReturnedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

@Entity('aftersales_case_lines')
export class AfterSalesLineEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  caseId!: number;

  @Column({ type: 'bigint' })
  orderLineId!: number;

  @Column({ type: 'int' })
  skuId!: number;

  @Column({ type: 'varchar', length: 100 })
  productName!: string;

  @Column({ type: 'varchar', length: 100 })
  specText!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  imageUrl!: string | null;

  @Column({ type: 'int' })
  quantity!: number;

  @MoneyColumn()
  amount!: number;
}

@Entity('aftersales_case_events')
export class AfterSalesEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  caseId!: number;

  @Column({ type: 'varchar', length: 24 })
  type!: AfterSalesEventType;

  @Column({ type: 'varchar', length: 16 })
  actorType!: OrderActorType;

  @Column({ type: 'int', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 64 })
  actorName!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

/** The rules without code: one row (id 1). */
@Entity('aftersales_settings')
export class AfterSalesSettingsEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @MoneyColumn({ default: 0 })
  autoApproveMaxFen!: number;

  @Column({ type: 'int', default: 0 })
  autoApproveAfterHours!: number;

  @Column({ type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
