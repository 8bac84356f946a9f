import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigIdColumn,
  createdAtColumn,
  datetimeColumn,
  nowDefault,
} from '../platform/database/migration-columns';

/**
 * Member source attribution (来源) and binding history (issue 3). Existing members count as attributed
 * when they were created: a bound one through a shared card of their current leader, an unbound one as
 * direct. Every existing binding gets one history row so the history explains the current state.
 */
export class MemberAttribution1763856000005 implements MigrationInterface {
  name = 'MemberAttribution1763856000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('members', [
      new TableColumn({ name: 'channel', type: 'varchar', length: '16', default: "'direct'" }),
      new TableColumn({ name: 'first_leader_id', type: 'int', isNullable: true }),
      new TableColumn({ name: 'first_community_id', type: 'int', isNullable: true }),
      new TableColumn(datetimeColumn('first_order_at', { nullable: true })),
      new TableColumn({ ...datetimeColumn('attributed_at'), default: nowDefault(queryRunner) }),
    ]);
    // Data, not schema: plain portable DML (never today's entities).
    await queryRunner.query('UPDATE members SET attributed_at = created_at');
    await queryRunner.query(
      "UPDATE members SET channel = 'share_card', first_leader_id = current_leader_id WHERE current_leader_id IS NOT NULL",
    );
    await queryRunner.createIndices('members', [
      // The admin list: newest first, by join date range and by channel.
      new TableIndex({ name: 'idx_members_created_at', columnNames: ['created_at', 'id'] }),
      new TableIndex({ name: 'idx_members_channel', columnNames: ['channel', 'id'] }),
    ]);

    // Nearest pickup points: the bounding-box prefilter ranges over latitude.
    await queryRunner.createIndex(
      'pickup_points',
      new TableIndex({ name: 'idx_pickup_points_lat_lng', columnNames: ['latitude', 'longitude'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'member_bindings',
        columns: [
          bigIdColumn(queryRunner),
          { name: 'member_id', type: 'int' },
          { name: 'from_leader_id', type: 'int', isNullable: true },
          { name: 'to_leader_id', type: 'int' },
          { name: 'reason', type: 'varchar', length: '16' },
          { name: 'note', type: 'varchar', length: '200', isNullable: true },
          { name: 'actor_type', type: 'varchar', length: '8' },
          { name: 'actor_id', type: 'int', isNullable: true },
          // Kept with the id so the history names the actor without reaching into identity.
          { name: 'actor_name', type: 'varchar', length: '64', isNullable: true },
          createdAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_member_bindings_member', columnNames: ['member_id', 'id'] }),
          new TableIndex({ name: 'idx_member_bindings_to_leader', columnNames: ['to_leader_id', 'id'] }),
        ],
      }),
    );
    // A leader's own membership was bound when they became a leader; every other binding by their link.
    await queryRunner.query(
      `INSERT INTO member_bindings (member_id, from_leader_id, to_leader_id, reason, note, actor_type, actor_id, actor_name, created_at)
       SELECT m.id, NULL, m.current_leader_id,
              CASE WHEN EXISTS (SELECT 1 FROM leaders l WHERE l.id = m.current_leader_id AND l.member_id = m.id)
                   THEN 'leader_approved' ELSE 'entry_link' END,
              NULL, 'system', NULL, NULL, m.created_at
         FROM members m WHERE m.current_leader_id IS NOT NULL ORDER BY m.id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('member_bindings');
    await queryRunner.dropIndex('pickup_points', 'idx_pickup_points_lat_lng');
    await queryRunner.dropIndex('members', 'idx_members_channel');
    await queryRunner.dropIndex('members', 'idx_members_created_at');
    for (const column of [
      'attributed_at',
      'first_order_at',
      'first_community_id',
      'first_leader_id',
      'channel',
    ]) {
      await queryRunner.dropColumn('members', column);
    }
  }
}
