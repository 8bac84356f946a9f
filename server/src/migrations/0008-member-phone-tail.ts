import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The last four digits of a member's phone (手机尾号), kept beside the phone by the code that writes it.
 * Leaders find a customer at pickup by 尾号; `phone LIKE '%1234'` reads every customer of the leader
 * (30,000 for the biggest in bench/members), the column makes it one index range.
 */
export class MemberPhoneTail1763856000008 implements MigrationInterface {
  name = 'MemberPhoneTail1763856000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'members',
      new TableColumn({ name: 'phone_tail', type: 'varchar', length: '4', isNullable: true }),
    );
    // SUBSTR with a negative start counts from the end on SQLite and MySQL/MariaDB alike.
    await queryRunner.query('UPDATE members SET phone_tail = SUBSTR(phone, -4) WHERE phone IS NOT NULL');
    await queryRunner.createIndex(
      'members',
      new TableIndex({
        name: 'idx_members_leader_phone_tail',
        columnNames: ['current_leader_id', 'phone_tail', 'id'],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('members', 'idx_members_leader_phone_tail');
    await queryRunner.dropColumn('members', 'phone_tail');
  }
}
