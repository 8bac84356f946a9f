import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommissionRules, RuleSetStatus } from '@linli/shared-types';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** A commission rule set (佣金方案). Drafts are edited; a published one never changes again. */
@Entity('commission_rule_sets')
export class RuleSetEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  /** 1, 2, 3… in publishing order (unique); null while a draft. */
  @Column({ type: 'int', nullable: true })
  version!: number | null;

  @Column({ type: 'varchar', length: 12 })
  status!: RuleSetStatus;

  @UtcDateTimeColumn({ nullable: true })
  effectiveFrom!: Date | null;

  @JsonColumn()
  rules!: CommissionRules;

  @Column({ type: 'varchar', length: 64 })
  createdByName!: string;

  @UtcDateTimeColumn({ nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  publishedByName!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
