import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { StaffRole, StaffStatus } from '@linli/shared-types';
import { CreatedAtColumn, UpdatedAtColumn, UtcDateTimeColumn } from '../../../platform';

/** Roles as a comma-separated list: portable, and the set is tiny and fixed. */
const rolesTransformer: ValueTransformer = {
  to: (roles: StaffRole[] | undefined) => (roles === undefined ? undefined : roles.join(',')),
  from: (value: string | null) => (value ? (value.split(',') as StaffRole[]) : []),
};

@Entity('staff')
export class StaffEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Stored lower-case so uniqueness does not depend on the database collation. */
  @Column({ type: 'varchar', length: 32 })
  username!: string;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 128, transformer: rolesTransformer })
  roles!: StaffRole[];

  @Column({ type: 'varchar', length: 16 })
  status!: StaffStatus;

  @UtcDateTimeColumn({ nullable: true })
  lastLoginAt!: Date | null;

  /** Bumped when the password is reset: access tokens carrying an older version stop working. */
  @Column({ type: 'int', default: 0 })
  tokenVersion!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
