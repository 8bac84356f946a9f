import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../platform';

/** mysql2 returns DECIMAL as a string; coordinates are plain numbers in TS. */
const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** A leader's pickup point (自提点): one per leader. Coordinates are GCJ-02 as WeChat returns them. */
@Entity('pickup_points')
export class PickupPointEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  leaderId!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  @Column({ type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  latitude!: number | null;

  @Column({ type: 'decimal', precision: 10, scale: 7, nullable: true, transformer: decimalToNumber })
  longitude!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  openingHours!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  contactPhone!: string | null;

  /** URL of the photo in our file storage (/uploads/…), or null. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  photoUrl!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
