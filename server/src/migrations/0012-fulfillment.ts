import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAtColumn,
  datetimeColumn,
  idColumn,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Issue 7 (fulfillment, server core): when an order was locked by the cut-off and shipped; waves (one per
 * campaign), purchase lists with their lines, delivery routes with their stops, route shipments.
 * See docs/fulfillment.md.
 */
export class Fulfillment1763856000012 implements MigrationInterface {
  name = 'Fulfillment1763856000012';

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
    const money = (name: string) => ({ name, type: 'bigint', isNullable: false, default: 0 });

    await queryRunner.addColumns('orders', [
      new TableColumn(datetimeColumn('locked_at', { nullable: true })),
      new TableColumn(datetimeColumn('shipped_at', { nullable: true })),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'fulfillment_waves',
        columns: [
          idColumn(),
          int('campaign_id'),
          datetimeColumn('cutoff_at'),
          datetimeColumn('locked_at'),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_fulfillment_waves_campaign',
            columnNames: ['campaign_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_fulfillment_waves_cutoff', columnNames: ['cutoff_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'purchase_lists',
        columns: [
          idColumn(),
          varchar('list_no', 32),
          int('wave_id'),
          int('campaign_id'),
          int('supplier_id', { nullable: true }),
          // supplier_id, or 0 for goods without a supplier: one list per (wave, supplier_key).
          int('supplier_key'),
          varchar('supplier_name', 64),
          varchar('status', 16),
          datetimeColumn('ordered_at', { nullable: true }),
          datetimeColumn('received_at', { nullable: true }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_purchase_lists_no', columnNames: ['list_no'], isUnique: true }),
          new TableIndex({
            name: 'uq_purchase_lists_wave_supplier',
            columnNames: ['wave_id', 'supplier_key'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'purchase_list_lines',
        columns: [
          idColumn(),
          int('purchase_list_id'),
          int('sku_id'),
          varchar('product_name', 100),
          varchar('spec_text', 100),
          varchar('unit', 8),
          int('demand_quantity'),
          int('stock_quantity'),
          int('suggested_quantity'),
          int('quantity'),
          int('received_quantity', { nullable: true }),
          money('unit_cost'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_purchase_list_lines_sku',
            columnNames: ['purchase_list_id', 'sku_id'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'delivery_routes',
        columns: [
          idColumn(),
          varchar('name', 32),
          varchar('driver_name', 32),
          varchar('driver_phone', 20),
          varchar('vehicle', 32, true),
          varchar('note', 200, true),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [new TableIndex({ name: 'uq_delivery_routes_name', columnNames: ['name'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'delivery_route_stops',
        columns: [idColumn(), int('route_id'), int('seq'), int('leader_id')],
        indices: [
          // A pickup point is on one route at most: shipping a route then moves exactly its points' orders.
          new TableIndex({
            name: 'uq_delivery_route_stops_leader',
            columnNames: ['leader_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_delivery_route_stops_route', columnNames: ['route_id', 'seq'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'route_shipments',
        columns: [
          idColumn(),
          int('wave_id'),
          int('route_id'),
          int('order_count'),
          datetimeColumn('shipped_at'),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_route_shipments_wave_route',
            columnNames: ['wave_id', 'route_id'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'route_shipments',
      'delivery_route_stops',
      'delivery_routes',
      'purchase_list_lines',
      'purchase_lists',
      'fulfillment_waves',
    ]) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropColumn('orders', 'shipped_at');
    await queryRunner.dropColumn('orders', 'locked_at');
  }
}
