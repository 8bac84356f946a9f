import { Column, Entity, PrimaryColumn } from 'typeorm';
import { UpdatedAtColumn } from '../../../platform';

/**
 * One row per leader that earned or withdrew: the row locked while a withdrawal checks the balance (so two
 * requests cannot both spend it), and the count of completed orders the recruitment reward waits for.
 * Balances are NOT kept here; they are sums over the ledger.
 */
@Entity('commission_accounts')
export class CommissionAccountEntity {
  @PrimaryColumn({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'int', default: 0 })
  completedOrders!: number;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
