import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentProviderName, PaymentStatus } from '@linli/shared-types';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** The payment of one order at the provider (out_trade_no = the order number). pending → succeeded | closed. */
@Entity('payments')
export class PaymentEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'bigint' })
  orderId!: number;

  @Column({ type: 'varchar', length: 32 })
  outTradeNo!: string;

  @Column({ type: 'varchar', length: 16 })
  provider!: PaymentProviderName;

  @MoneyColumn()
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: PaymentStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  prepayId!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  prepayExpiresAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  payerOpenid!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  transactionId!: string | null;

  @UtcDateTimeColumn({ nullable: true })
  paidAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  closedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
