import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UtcDateTimeColumn } from '../../../platform';
import type { TokenSubjectKind } from '../domain/token-subject';

/**
 * An opaque refresh token, stored only as its SHA-256. Tokens of one login session share a `familyId`:
 * refreshing marks the old token used and issues the next one in the same family.
 */
@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 36 })
  familyId!: string;

  @Column({ type: 'varchar', length: 16 })
  subjectKind!: TokenSubjectKind;

  @Column({ type: 'int' })
  subjectId!: number;

  @UtcDateTimeColumn()
  expiresAt!: Date;

  @UtcDateTimeColumn({ nullable: true })
  usedAt!: Date | null;

  @UtcDateTimeColumn({ nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
