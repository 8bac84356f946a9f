import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAtColumn,
  datetimeColumn,
  idColumn,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Foundation business tables: staff and refresh tokens (identity), audit log, members, leaders and
 * pickup points, products and SKUs, campaigns and their items. Cross-context references are plain id
 * columns with indexes (no foreign keys across contexts). Portable to SQLite and MySQL/MariaDB.
 */
export class BusinessFoundation1763856000002 implements MigrationInterface {
  name = 'BusinessFoundation1763856000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const createdAt = () => createdAtColumn(queryRunner);
    const updatedAt = () => updatedAtColumn(queryRunner);
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
    const money = (name: string) => ({ name, type: 'bigint', isNullable: false });

    await queryRunner.createTable(
      new Table({
        name: 'staff',
        columns: [
          idColumn(),
          varchar('username', 32),
          varchar('name', 32),
          varchar('phone', 20, true),
          varchar('password_hash', 255),
          varchar('roles', 128),
          varchar('status', 16),
          datetimeColumn('last_login_at', { nullable: true }),
          int('token_version', { default: 0 }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_staff_username', columnNames: ['username'], isUnique: true }),
          new TableIndex({ name: 'idx_staff_status', columnNames: ['status'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refresh_tokens',
        columns: [
          idColumn(),
          varchar('token_hash', 64),
          varchar('family_id', 36),
          varchar('subject_kind', 16),
          int('subject_id'),
          datetimeColumn('expires_at'),
          datetimeColumn('used_at', { nullable: true }),
          datetimeColumn('revoked_at', { nullable: true }),
          varchar('ip', 64, true),
          varchar('user_agent', 255, true),
          createdAt(),
        ],
        indices: [
          new TableIndex({
            name: 'uq_refresh_tokens_token_hash',
            columnNames: ['token_hash'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_refresh_tokens_family', columnNames: ['family_id'] }),
          new TableIndex({ name: 'idx_refresh_tokens_subject', columnNames: ['subject_kind', 'subject_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_logs',
        columns: [
          idColumn(),
          varchar('actor_type', 16),
          int('actor_id', { nullable: true }),
          varchar('actor_name', 64, true),
          varchar('action', 64),
          varchar('entity_type', 64),
          varchar('entity_id', 64, true),
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          varchar('ip', 64, true),
          varchar('user_agent', 255, true),
          varchar('request_id', 64, true),
          createdAt(),
        ],
        indices: [
          new TableIndex({ name: 'idx_audit_logs_created_at', columnNames: ['created_at', 'id'] }),
          new TableIndex({ name: 'idx_audit_logs_actor', columnNames: ['actor_id', 'created_at'] }),
          new TableIndex({ name: 'idx_audit_logs_entity', columnNames: ['entity_type', 'entity_id'] }),
          new TableIndex({ name: 'idx_audit_logs_action', columnNames: ['action', 'created_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'members',
        columns: [
          idColumn(),
          varchar('openid', 64),
          varchar('unionid', 64, true),
          varchar('nickname', 64),
          varchar('avatar_url', 512, true),
          varchar('phone', 20, true),
          int('current_leader_id', { nullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_members_openid', columnNames: ['openid'], isUnique: true }),
          // Unique but nullable: both SQLite and MySQL allow many NULLs in a unique index.
          new TableIndex({ name: 'uq_members_unionid', columnNames: ['unionid'], isUnique: true }),
          new TableIndex({ name: 'idx_members_current_leader', columnNames: ['current_leader_id', 'id'] }),
          new TableIndex({ name: 'idx_members_phone', columnNames: ['phone'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'leaders',
        columns: [
          idColumn(),
          int('member_id'),
          varchar('name', 32),
          varchar('phone', 20, true),
          varchar('status', 16),
          varchar('invite_code', 16),
          int('upline_leader_id', { nullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_leaders_member', columnNames: ['member_id'], isUnique: true }),
          new TableIndex({ name: 'uq_leaders_invite_code', columnNames: ['invite_code'], isUnique: true }),
          new TableIndex({ name: 'idx_leaders_upline', columnNames: ['upline_leader_id'] }),
          new TableIndex({ name: 'idx_leaders_status', columnNames: ['status', 'id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'pickup_points',
        columns: [
          idColumn(),
          int('leader_id'),
          varchar('name', 64),
          varchar('address', 255),
          { name: 'latitude', type: 'decimal', precision: 10, scale: 7, isNullable: true },
          { name: 'longitude', type: 'decimal', precision: 10, scale: 7, isNullable: true },
          varchar('opening_hours', 64, true),
          varchar('contact_phone', 20, true),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_pickup_points_leader', columnNames: ['leader_id'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'products',
        columns: [
          idColumn(),
          varchar('name', 100),
          { name: 'description', type: 'text', isNullable: true },
          varchar('cover_url', 512, true),
          varchar('status', 16),
          createdAt(),
          updatedAt(),
        ],
        indices: [new TableIndex({ name: 'idx_products_status', columnNames: ['status', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'skus',
        columns: [
          idColumn(),
          int('product_id'),
          varchar('spec_text', 100),
          money('price'),
          money('cost'),
          int('stock', { default: 0 }),
          int('low_stock_threshold', { default: 0 }),
          createdAt(),
          updatedAt(),
        ],
        indices: [new TableIndex({ name: 'idx_skus_product', columnNames: ['product_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'campaigns',
        columns: [
          idColumn(),
          varchar('title', 100),
          varchar('cover_url', 512, true),
          { name: 'description', type: 'text', isNullable: true },
          varchar('status', 16),
          datetimeColumn('start_at'),
          datetimeColumn('end_at'),
          datetimeColumn('cutoff_at'),
          varchar('pickup_date', 10),
          { ...varchar('audience', 16), default: "'all'" },
          createdAt(),
          updatedAt(),
        ],
        indices: [
          // Buyers' list: live campaigns whose window contains now.
          new TableIndex({
            name: 'idx_campaigns_status_window',
            columnNames: ['status', 'start_at', 'end_at'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'campaign_items',
        columns: [
          idColumn(),
          int('campaign_id'),
          int('sku_id'),
          money('group_price'),
          money('original_price'),
          int('per_member_limit', { default: 0 }),
          int('stock_cap', { nullable: true }),
          int('sort_order', { default: 0 }),
          createdAt(),
        ],
        indices: [
          new TableIndex({
            name: 'uq_campaign_items_campaign_sku',
            columnNames: ['campaign_id', 'sku_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_campaign_items_sku', columnNames: ['sku_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'campaign_items',
      'campaigns',
      'skus',
      'products',
      'pickup_points',
      'leaders',
      'members',
      'audit_logs',
      'refresh_tokens',
      'staff',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
