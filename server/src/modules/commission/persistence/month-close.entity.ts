import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MoneyColumn, UtcDateTimeColumn } from '../../../platform';

/** A month whose tier bonuses (阶梯奖励) were written: the month-end job skips it afterwards. */
@Entity('commission_month_closes')
export class MonthCloseEntity {
  /** YYYY-MM, Asia/Shanghai. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @UtcDateTimeColumn()
  closedAt!: Date;

  @Column({ type: 'int' })
  leaders!: number;

  @MoneyColumn()
  total!: number;
}
