import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderActorType, OrderEventType, OrderStatus } from '@linli/shared-types';
import { CreatedAtColumn } from '../../../platform';

/** One step on an order's timeline (append-only). */
@Entity('order_events')
export class OrderEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'bigint' })
  orderId!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: OrderEventType;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: OrderStatus | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus!: OrderStatus | null;

  @Column({ type: 'varchar', length: 10 })
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
