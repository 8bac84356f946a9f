import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigIdColumn,
  createdAtColumn,
  datetimeColumn,
  isMysql,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Issue 5: orders with their lines, timeline and per-member quotas; payments, refunds and the log of
 * provider notifications; the 秒杀 switch on campaigns. See docs/orders.md.
 */
export class OrdersPayments1763856000010 implements MigrationInterface {
  name = 'OrdersPayments1763856000010';

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
    // Ids of other bigint-keyed rows (orders, payments): SQLite's integer is 64-bit already.
    const bigRef = (name: string, isNullable = false) => ({
      name,
      type: isMysql(queryRunner) ? 'bigint' : 'integer',
      isNullable,
    });
    const money = (name: string) => ({ name, type: 'bigint', isNullable: false, default: 0 });
    const text = (name: string, isNullable = false) => ({ name, type: 'text', isNullable });
    const createdAt = () => createdAtColumn(queryRunner);
    const updatedAt = () => updatedAtColumn(queryRunner);

    await queryRunner.addColumn(
      'campaigns',
      new TableColumn({ name: 'flash_sale', type: 'boolean', isNullable: false, default: 0 }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'orders',
        columns: [
          bigIdColumn(queryRunner),
          varchar('order_no', 24),
          int('member_id'),
          int('leader_id'),
          int('campaign_id'),
          varchar('status', 20),
          { name: 'flash_sale', type: 'boolean', isNullable: false, default: 0 },
          money('goods_amount'),
          money('discount_amount'),
          money('payable_amount'),
          money('paid_amount'),
          money('refunded_amount'),
          int('item_count'),
          varchar('remark', 100, true),
          varchar('idempotency_key', 64),
          varchar('request_hash', 64),
          // JSON [{skuId, quantity}]: the stocked lines `reserve` returned (bundles expanded at order time).
          text('stock_lines'),
          // JSON {leaderName, leaderPhone, pickupPoint}: where the buyer picks up, as it was when ordering.
          text('pickup_snapshot'),
          datetimeColumn('pay_deadline_at'),
          datetimeColumn('paid_at', { nullable: true }),
          datetimeColumn('ready_at', { nullable: true }),
          datetimeColumn('picked_up_at', { nullable: true }),
          datetimeColumn('cancelled_at', { nullable: true }),
          varchar('cancel_reason', 100, true),
          varchar('pickup_code', 8, true),
          // The pickup code while the order waits for pickup, NULL otherwise: unique per leader among open orders.
          varchar('open_pickup_code', 8, true),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_orders_order_no', columnNames: ['order_no'], isUnique: true }),
          new TableIndex({
            name: 'uq_orders_idempotency',
            columnNames: ['member_id', 'idempotency_key'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'uq_orders_open_pickup_code',
            columnNames: ['leader_id', 'open_pickup_code'],
            isUnique: true,
          }),
          // Telling a code of another pickup point from a wrong one (a refused 核销).
          new TableIndex({ name: 'idx_orders_open_pickup_code', columnNames: ['open_pickup_code'] }),
          new TableIndex({ name: 'idx_orders_member', columnNames: ['member_id', 'status', 'id'] }),
          new TableIndex({ name: 'idx_orders_leader', columnNames: ['leader_id', 'status', 'id'] }),
          new TableIndex({ name: 'idx_orders_campaign', columnNames: ['campaign_id', 'status'] }),
          new TableIndex({ name: 'idx_orders_deadline', columnNames: ['status', 'pay_deadline_at'] }),
          new TableIndex({ name: 'idx_orders_created', columnNames: ['created_at', 'id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'order_lines',
        columns: [
          bigIdColumn(queryRunner),
          bigRef('order_id'),
          int('campaign_item_id'),
          int('sku_id'),
          int('product_id'),
          varchar('product_name', 100),
          varchar('spec_text', 100),
          varchar('image_url', 512, true),
          money('unit_price'),
          money('original_price'),
          int('quantity'),
          money('line_total'),
        ],
        indices: [new TableIndex({ name: 'idx_order_lines_order', columnNames: ['order_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'order_events',
        columns: [
          bigIdColumn(queryRunner),
          bigRef('order_id'),
          varchar('type', 32),
          varchar('from_status', 20, true),
          varchar('to_status', 20, true),
          varchar('actor_type', 10),
          int('actor_id', { nullable: true }),
          varchar('actor_name', 64),
          varchar('note', 200, true),
          createdAt(),
        ],
        indices: [new TableIndex({ name: 'idx_order_events_order', columnNames: ['order_id', 'id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'order_item_quotas',
        columns: [
          { ...int('member_id'), isPrimary: true },
          { ...int('campaign_item_id'), isPrimary: true },
          int('quantity', { default: 0 }),
        ],
        indices: [new TableIndex({ name: 'idx_order_item_quotas_item', columnNames: ['campaign_item_id'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'payments',
        columns: [
          bigIdColumn(queryRunner),
          bigRef('order_id'),
          varchar('out_trade_no', 32),
          varchar('provider', 16),
          money('amount'),
          varchar('status', 16),
          varchar('prepay_id', 64, true),
          datetimeColumn('prepay_expires_at', { nullable: true }),
          varchar('payer_openid', 64, true),
          varchar('transaction_id', 64, true),
          datetimeColumn('paid_at', { nullable: true }),
          datetimeColumn('closed_at', { nullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_payments_order', columnNames: ['order_id'], isUnique: true }),
          new TableIndex({ name: 'uq_payments_out_trade_no', columnNames: ['out_trade_no'], isUnique: true }),
          new TableIndex({ name: 'idx_payments_status', columnNames: ['status', 'created_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'refunds',
        columns: [
          bigIdColumn(queryRunner),
          bigRef('payment_id'),
          bigRef('order_id'),
          varchar('out_refund_no', 64),
          money('amount'),
          varchar('reason', 100),
          varchar('status', 16),
          varchar('provider_refund_id', 64, true),
          varchar('failure_reason', 200, true),
          varchar('requested_by_type', 10),
          int('requested_by_id', { nullable: true }),
          varchar('requested_by_name', 64),
          int('attempts', { default: 0 }),
          datetimeColumn('succeeded_at', { nullable: true }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({
            name: 'uq_refunds_out_refund_no',
            columnNames: ['out_refund_no'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_refunds_order', columnNames: ['order_id'] }),
          new TableIndex({ name: 'idx_refunds_status', columnNames: ['status', 'id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'payment_notifications',
        columns: [
          bigIdColumn(queryRunner),
          varchar('provider', 16),
          // The provider's notification id: a replay of the same notification finds it here.
          varchar('notification_id', 64),
          varchar('event_type', 40),
          varchar('out_trade_no', 32, true),
          varchar('out_refund_no', 64, true),
          varchar('outcome', 24),
          createdAtColumn(queryRunner, 'received_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_payment_notifications_id',
            columnNames: ['provider', 'notification_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_payment_notifications_trade', columnNames: ['out_trade_no'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'payment_notifications',
      'refunds',
      'payments',
      'order_item_quotas',
      'order_events',
      'order_lines',
      'orders',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropColumn('campaigns', 'flash_sale');
  }
}
