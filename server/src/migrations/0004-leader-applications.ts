import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { datetimeColumn, nowDefault } from '../platform/database/migration-columns';

/**
 * Leader applications (issue 3): the signed agreement (version + time), when the application was made
 * and reviewed, by whom, and the reason of a rejection or suspension. Existing leaders count as applied
 * (and, unless pending, reviewed) when their row was created; they never signed an agreement.
 */
export class LeaderApplications1763856000004 implements MigrationInterface {
  name = 'LeaderApplications1763856000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('leaders', [
      new TableColumn({ name: 'agreement_version', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn(datetimeColumn('agreement_accepted_at', { nullable: true })),
      new TableColumn({ ...datetimeColumn('applied_at'), default: nowDefault(queryRunner) }),
      new TableColumn(datetimeColumn('reviewed_at', { nullable: true })),
      new TableColumn({ name: 'reviewed_by_staff_id', type: 'int', isNullable: true }),
      // Kept with the id so the detail page names the reviewer without reaching into identity.
      new TableColumn({ name: 'reviewed_by_name', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'status_reason', type: 'varchar', length: '200', isNullable: true }),
    ]);
    // Data, not schema: plain portable DML. A query builder would resolve `leaders` to today's entity,
    // which a migration must not depend on.
    await queryRunner.query('UPDATE leaders SET applied_at = created_at');
    await queryRunner.query("UPDATE leaders SET reviewed_at = created_at WHERE status <> 'pending'");
    // The admin list: newest application first, optionally per status (the review queue).
    await queryRunner.createIndices('leaders', [
      new TableIndex({ name: 'idx_leaders_applied_at', columnNames: ['applied_at', 'id'] }),
      new TableIndex({ name: 'idx_leaders_status_applied_at', columnNames: ['status', 'applied_at', 'id'] }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('leaders', 'idx_leaders_status_applied_at');
    await queryRunner.dropIndex('leaders', 'idx_leaders_applied_at');
    for (const column of [
      'status_reason',
      'reviewed_by_name',
      'reviewed_by_staff_id',
      'reviewed_at',
      'applied_at',
      'agreement_accepted_at',
      'agreement_version',
    ]) {
      await queryRunner.dropColumn('leaders', column);
    }
  }
}
