import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn } from '../../../platform';

/** One campaign item of an order, with the name, spec and price as they were when ordered. */
@Entity('order_lines')
export class OrderLineEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'bigint' })
  orderId!: number;

  @Column({ type: 'int' })
  campaignItemId!: number;

  @Column({ type: 'int' })
  skuId!: number;

  @Column({ type: 'int' })
  productId!: number;

  @Column({ type: 'varchar', length: 100 })
  productName!: string;

  @Column({ type: 'varchar', length: 100 })
  specText!: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  imageUrl!: string | null;

  @MoneyColumn()
  unitPrice!: number;

  @MoneyColumn()
  originalPrice!: number;

  @Column({ type: 'int' })
  quantity!: number;

  @MoneyColumn()
  lineTotal!: number;

  /** Units refunded or being refunded (partial refunds, after-sales). */
  @Column({ type: 'int', default: 0 })
  refundedQuantity!: number;

  /** Fen of this line refunded or being refunded (its share of the paid amount at most). */
  @MoneyColumn({ default: 0 })
  refundedAmount!: number;
}
