import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAtColumn,
  datetimeColumn,
  idColumn,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Issue 7 (after-sales, server): partial refunds (per-line refunded units and fen, the order's committed
 * refund amount, refunds' idempotency keys), after-sales cases with their lines and timeline, and the
 * after-sales rules row. See docs/aftersales.md.
 */
export class AfterSales1763856000013 implements MigrationInterface {
  name = 'AfterSales1763856000013';

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
    const bigint = (name: string, isNullable = false) => ({ name, type: 'bigint', isNullable });
    const money = (name: string) => ({ name, type: 'bigint', isNullable: false, default: 0 });

    await queryRunner.addColumns('order_lines', [
      new TableColumn(int('refunded_quantity', { default: 0 })),
      new TableColumn(money('refunded_amount')),
    ]);
    await queryRunner.addColumns('orders', [new TableColumn(money('refund_committed'))]);
    // Orders refunded before this migration committed their whole payment.
    await queryRunner.query(`UPDATE orders SET refund_committed = paid_amount WHERE status = 'refunded'`);
    await queryRunner.query(
      `UPDATE order_lines SET refunded_quantity = quantity, refunded_amount = line_total WHERE order_id IN (SELECT id FROM orders WHERE status = 'refunded')`,
    );
    await queryRunner.addColumns('refunds', [new TableColumn(varchar('request_key', 80, true))]);
    await queryRunner.createIndex(
      'refunds',
      new TableIndex({ name: 'uq_refunds_request_key', columnNames: ['request_key'], isUnique: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'aftersales_cases',
        columns: [
          idColumn(),
          varchar('case_no', 32),
          bigint('order_id'),
          varchar('order_no', 24),
          bigint('open_order_id', true),
          int('member_id'),
          int('leader_id'),
          varchar('status', 16),
          varchar('source', 16),
          varchar('reason', 16),
          varchar('description', 200, true),
          { name: 'photo_keys', type: 'text', isNullable: false },
          { name: 'whole_order', type: 'boolean', isNullable: false, default: false },
          money('amount'),
          varchar('request_id', 64),
          varchar('request_hash', 64),
          bigint('refund_id', true),
          varchar('reject_reason', 200, true),
          datetimeColumn('auto_approve_at', { nullable: true }),
          datetimeColumn('decided_at', { nullable: true }),
          datetimeColumn('stock_returned_at', { nullable: true }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_aftersales_case_no', columnNames: ['case_no'], isUnique: true }),
          new TableIndex({
            name: 'uq_aftersales_open_order',
            columnNames: ['open_order_id'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'uq_aftersales_request',
            columnNames: ['order_id', 'request_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_aftersales_member', columnNames: ['member_id', 'id'] }),
          new TableIndex({ name: 'idx_aftersales_leader', columnNames: ['leader_id', 'status', 'id'] }),
          new TableIndex({ name: 'idx_aftersales_status', columnNames: ['status', 'auto_approve_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'aftersales_case_lines',
        columns: [
          idColumn(),
          int('case_id'),
          bigint('order_line_id'),
          int('sku_id'),
          varchar('product_name', 100),
          varchar('spec_text', 100),
          varchar('image_url', 512, true),
          int('quantity'),
          money('amount'),
        ],
        indices: [new TableIndex({ name: 'idx_aftersales_lines_case', columnNames: ['case_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'aftersales_case_events',
        columns: [
          idColumn(),
          int('case_id'),
          varchar('type', 24),
          varchar('actor_type', 16),
          int('actor_id', { nullable: true }),
          varchar('actor_name', 64),
          varchar('note', 200, true),
          createdAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'idx_aftersales_events_case', columnNames: ['case_id', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'aftersales_settings',
        columns: [
          idColumn(),
          money('auto_approve_max_fen'),
          int('auto_approve_after_hours', { default: 0 }),
          varchar('updated_by', 64, true),
          updatedAtColumn(queryRunner),
        ],
      }),
    );
    await queryRunner.query(
      'INSERT INTO aftersales_settings (id, auto_approve_max_fen, auto_approve_after_hours) VALUES (1, 0, 48)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('aftersales_settings');
    await queryRunner.dropTable('aftersales_case_events');
    await queryRunner.dropTable('aftersales_case_lines');
    await queryRunner.dropTable('aftersales_cases');
    await queryRunner.dropIndex('refunds', 'uq_refunds_request_key');
    await queryRunner.dropColumn('refunds', 'request_key');
    await queryRunner.dropColumn('orders', 'refund_committed');
    await queryRunner.dropColumn('order_lines', 'refunded_amount');
    await queryRunner.dropColumn('order_lines', 'refunded_quantity');
  }
}
