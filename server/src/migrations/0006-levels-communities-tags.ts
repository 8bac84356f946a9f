import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigIdColumn,
  createdAtColumn,
  datetimeColumn,
  idColumn,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Issue 3, last slice: leader levels with their change history and the daily sales they are judged on,
 * WeChat communities (社群) with memberships, member tags, member activity and pickup-point photos.
 * Three default levels are created so a fresh installation has a ladder to edit rather than none.
 */
export class LevelsCommunitiesTags1763856000006 implements MigrationInterface {
  name = 'LevelsCommunitiesTags1763856000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const int = (name: string, options: { nullable?: boolean; default?: number } = {}) => ({
      name,
      type: 'int',
      isNullable: options.nullable ?? false,
      default: options.default,
    });
    const money = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });

    // ---- Leader levels ----
    await queryRunner.createTable(
      new Table({
        name: 'leader_levels',
        columns: [
          idColumn(),
          varchar('name', 16),
          // Higher is better; `rank` itself is reserved in MySQL 8.
          int('level_rank'),
          int('commission_rate_bps'),
          // Reach BOTH to be upgraded to this level.
          { ...money('upgrade_min_gmv_30d_fen'), default: 0 },
          int('upgrade_min_active_customers', { default: 0 }),
          // Fall below EITHER while at this level to drop one rank.
          { ...money('keep_min_gmv_30d_fen'), default: 0 },
          int('keep_min_active_customers', { default: 0 }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_leader_levels_rank', columnNames: ['level_rank'], isUnique: true }),
          new TableIndex({ name: 'uq_leader_levels_name', columnNames: ['name'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO leader_levels (name, level_rank, commission_rate_bps,
         upgrade_min_gmv_30d_fen, upgrade_min_active_customers, keep_min_gmv_30d_fen, keep_min_active_customers)
       VALUES ('普通团长', 1, 1000, 0, 0, 0, 0),
              ('银牌团长', 2, 1200, 1000000, 30, 500000, 15),
              ('金牌团长', 3, 1500, 3000000, 80, 1500000, 40)`,
    );

    await queryRunner.addColumns('leaders', [
      new TableColumn({ name: 'level_id', type: 'int', isNullable: true }),
      // A level set by hand holds until then: the scheduled evaluation leaves the leader alone.
      new TableColumn(datetimeColumn('level_hold_until', { nullable: true })),
    ]);
    await queryRunner.createIndex(
      'leaders',
      new TableIndex({ name: 'idx_leaders_level', columnNames: ['level_id', 'id'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'leader_level_changes',
        columns: [
          bigIdColumn(queryRunner),
          int('leader_id'),
          int('from_level_id', { nullable: true }),
          int('to_level_id'),
          // initial | upgrade | downgrade | manual
          varchar('kind', 16),
          varchar('reason', 200),
          // The figures the decision was made on (null for manual changes).
          money('gmv_30d_fen', true),
          int('active_customers_30d', { nullable: true }),
          varchar('actor_type', 8),
          int('actor_id', { nullable: true }),
          varchar('actor_name', 64, true),
          createdAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'idx_leader_level_changes_leader', columnNames: ['leader_id', 'id'] }),
        ],
      }),
    );

    // One row per leader and business day (Asia/Shanghai), written by the orders context when an order
    // completes or is refunded; levels are judged on the sum of the last 30 days.
    await queryRunner.createTable(
      new Table({
        name: 'leader_daily_sales',
        columns: [
          idColumn(),
          int('leader_id'),
          // YYYY-MM-DD in Asia/Shanghai
          varchar('sales_date', 10),
          { ...money('gmv_fen'), default: 0 },
          int('order_count', { default: 0 }),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_leader_daily_sales_leader_date',
            columnNames: ['leader_id', 'sales_date'],
            isUnique: true,
          }),
        ],
      }),
    );

    // ---- Members: activity (for "active customers") ----
    await queryRunner.addColumn(
      'members',
      new TableColumn(datetimeColumn('last_active_at', { nullable: true })),
    );
    await queryRunner.query('UPDATE members SET last_active_at = created_at');
    await queryRunner.createIndex(
      'members',
      new TableIndex({
        name: 'idx_members_leader_active',
        columnNames: ['current_leader_id', 'last_active_at'],
      }),
    );

    // ---- Pickup-point photo ----
    await queryRunner.addColumn('pickup_points', new TableColumn(varchar('photo_url', 512, true)));

    // ---- Communities (社群) ----
    await queryRunner.createTable(
      new Table({
        name: 'communities',
        columns: [
          idColumn(),
          int('leader_id'),
          varchar('name', 32),
          // The scene of the invite QR/link: short, unguessable, unique.
          varchar('invite_code', 16),
          // active | archived (an archived community takes no new members)
          varchar('status', 16),
          // Kept in the same transaction as each membership insert.
          int('member_count', { default: 0 }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_communities_invite_code',
            columnNames: ['invite_code'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_communities_leader', columnNames: ['leader_id', 'id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'community_memberships',
        columns: [
          bigIdColumn(queryRunner),
          int('community_id'),
          int('member_id'),
          // The community's leader, copied so "my customers in my communities" needs no join.
          int('leader_id'),
          // How they joined: group_qr (invite link/QR) or import
          varchar('channel', 16),
          createdAtColumn(queryRunner, 'joined_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_community_memberships_community_member',
            columnNames: ['community_id', 'member_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_community_memberships_member', columnNames: ['member_id'] }),
          new TableIndex({
            name: 'idx_community_memberships_leader_member',
            columnNames: ['leader_id', 'member_id'],
          }),
        ],
      }),
    );

    // ---- Tags ----
    await queryRunner.createTable(
      new Table({
        name: 'tag_groups',
        columns: [
          idColumn(),
          varchar('name', 16),
          int('sort', { default: 0 }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_tag_groups_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'tags',
        columns: [
          idColumn(),
          int('group_id'),
          varchar('name', 16),
          // One of the preset antd colours (see TAG_COLORS in shared-types).
          varchar('color', 16),
          // manual: staff assign it; rule: a future rule engine assigns it (its definition in `rule`).
          varchar('kind', 8),
          { name: 'rule', type: 'text', isNullable: true },
          int('member_count', { default: 0 }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_tags_group_name', columnNames: ['group_id', 'name'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'member_tags',
        columns: [
          bigIdColumn(queryRunner),
          int('member_id'),
          int('tag_id'),
          // manual | rule
          varchar('source', 8),
          int('created_by_staff_id', { nullable: true }),
          createdAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_member_tags_member_tag',
            columnNames: ['member_id', 'tag_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_member_tags_tag_member', columnNames: ['tag_id', 'member_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'member_tags',
      'tags',
      'tag_groups',
      'community_memberships',
      'communities',
      'leader_daily_sales',
      'leader_level_changes',
      'leader_levels',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropColumn('pickup_points', 'photo_url');
    await queryRunner.dropIndex('members', 'idx_members_leader_active');
    await queryRunner.dropColumn('members', 'last_active_at');
    await queryRunner.dropIndex('leaders', 'idx_leaders_level');
    await queryRunner.dropColumn('leaders', 'level_hold_until');
    await queryRunner.dropColumn('leaders', 'level_id');
  }
}
