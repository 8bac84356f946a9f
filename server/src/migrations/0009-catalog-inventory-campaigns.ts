import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigIdColumn,
  createdAtColumn,
  idColumn,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Issue 4: categories, suppliers, product images, spec dimensions and the SKU matrix, bundles, the stock
 * movement ledger (with `reserved` beside `stock`), campaign audiences, sold counters and copies.
 * Existing SKUs get an opening `count` movement so the ledger sums to their stock from the start, and
 * existing products with several SKUs get a 规格 dimension made of their spec texts (see below).
 */
export class CatalogInventoryCampaigns1763856000009 implements MigrationInterface {
  name = 'CatalogInventoryCampaigns1763856000009';

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
    const createdAt = () => createdAtColumn(queryRunner);
    const updatedAt = () => updatedAtColumn(queryRunner);

    // ---- Categories (two levels) and suppliers ----
    await queryRunner.createTable(
      new Table({
        name: 'categories',
        columns: [
          idColumn(),
          varchar('name', 16),
          int('parent_id', { nullable: true }),
          int('sort_order', { default: 0 }),
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'idx_categories_parent', columnNames: ['parent_id', 'sort_order'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'suppliers',
        columns: [
          idColumn(),
          varchar('name', 64),
          varchar('contact_name', 32, true),
          varchar('contact_phone', 20, true),
          varchar('address', 200, true),
          varchar('settlement', 24),
          varchar('settlement_note', 500, true),
          { ...varchar('status', 16), default: "'active'" },
          createdAt(),
          updatedAt(),
        ],
        indices: [
          new TableIndex({ name: 'uq_suppliers_name', columnNames: ['name'], isUnique: true }),
          new TableIndex({ name: 'idx_suppliers_status', columnNames: ['status', 'id'] }),
        ],
      }),
    );

    // ---- Products: kind, category, supplier, unit, spec dimensions (JSON), images ----
    await queryRunner.addColumns('products', [
      new TableColumn({ ...varchar('kind', 16), default: "'standard'" }),
      new TableColumn(varchar('subtitle', 60, true)),
      new TableColumn(int('category_id', { nullable: true })),
      new TableColumn(int('supplier_id', { nullable: true })),
      new TableColumn({ ...varchar('unit', 8), default: "'份'" }),
      // JSON array of {name, values}; null = no dimensions (one SKU).
      new TableColumn({ name: 'spec_dimensions', type: 'text', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'products',
      new TableIndex({ name: 'idx_products_category', columnNames: ['category_id', 'id'] }),
    );
    await queryRunner.createIndex(
      'products',
      new TableIndex({ name: 'idx_products_supplier', columnNames: ['supplier_id', 'id'] }),
    );
    await queryRunner.createIndex(
      'products',
      new TableIndex({ name: 'idx_products_name', columnNames: ['name'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'product_images',
        columns: [
          idColumn(),
          int('product_id'),
          varchar('storage_key', 255),
          varchar('url', 512),
          int('sort_order', { default: 0 }),
          createdAt(),
        ],
        indices: [
          new TableIndex({ name: 'idx_product_images_product', columnNames: ['product_id', 'sort_order'] }),
        ],
      }),
    );

    // ---- SKUs: matrix values, barcode, weight, reserved, status ----
    await queryRunner.addColumns('skus', [
      // JSON array of the values, one per dimension, e.g. ["5斤装","海南"].
      new TableColumn({ ...varchar('spec_values', 255), default: "'[]'" }),
      new TableColumn(varchar('barcode', 32, true)),
      new TableColumn(int('weight_grams', { default: 0 })),
      new TableColumn(int('reserved', { default: 0 })),
      new TableColumn({ ...varchar('status', 16), default: "'active'" }),
    ]);
    await queryRunner.createIndex(
      'skus',
      new TableIndex({ name: 'idx_skus_barcode', columnNames: ['barcode'] }),
    );
    await backfillLegacySpecs(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'bundle_components',
        columns: [idColumn(), int('bundle_sku_id'), int('component_sku_id'), int('quantity'), createdAt()],
        indices: [
          new TableIndex({
            name: 'uq_bundle_components',
            columnNames: ['bundle_sku_id', 'component_sku_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_bundle_components_component', columnNames: ['component_sku_id'] }),
        ],
      }),
    );

    // ---- Stock movement ledger (append-only) ----
    await queryRunner.createTable(
      new Table({
        name: 'stock_movements',
        columns: [
          bigIdColumn(queryRunner),
          int('sku_id'),
          varchar('kind', 16),
          int('stock_delta'),
          int('reserved_delta', { default: 0 }),
          int('stock_after'),
          int('reserved_after'),
          varchar('reason', 200, true),
          { name: 'order_id', type: 'bigint', isNullable: true },
          // Idempotency of a retried request or event (e.g. adj:<requestId>, order:<id>:reserve:<sku>).
          varchar('request_key', 96, true),
          varchar('actor_type', 16),
          int('actor_id', { nullable: true }),
          createdAt(),
        ],
        indices: [
          new TableIndex({ name: 'idx_stock_movements_sku', columnNames: ['sku_id', 'id'] }),
          new TableIndex({ name: 'idx_stock_movements_order', columnNames: ['order_id'] }),
          new TableIndex({ name: 'idx_stock_movements_created', columnNames: ['created_at'] }),
          new TableIndex({
            name: 'uq_stock_movements_request',
            columnNames: ['request_key'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO stock_movements (sku_id, kind, stock_delta, reserved_delta, stock_after, reserved_after, reason, actor_type)
       SELECT id, 'count', stock, 0, stock, 0, '期初库存', 'system' FROM skus WHERE stock <> 0`,
    );

    // ---- Campaigns: cover key, copies, audience targets, sold counters ----
    await queryRunner.addColumns('campaigns', [
      new TableColumn(varchar('cover_key', 255, true)),
      new TableColumn(int('duplicated_from_id', { nullable: true })),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'campaign_audience_targets',
        columns: [idColumn(), int('campaign_id'), varchar('target_kind', 8), int('target_id')],
        indices: [
          new TableIndex({
            name: 'uq_campaign_audience',
            columnNames: ['campaign_id', 'target_kind', 'target_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_campaign_audience_target', columnNames: ['target_kind', 'target_id'] }),
        ],
      }),
    );
    await queryRunner.addColumn('campaign_items', new TableColumn(int('sold_quantity', { default: 0 })));
    await queryRunner.createIndex(
      'campaigns',
      new TableIndex({ name: 'idx_campaigns_start', columnNames: ['start_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('campaigns', 'idx_campaigns_start');
    await queryRunner.dropColumn('campaign_items', 'sold_quantity');
    await queryRunner.dropTable('campaign_audience_targets');
    await queryRunner.dropColumns('campaigns', ['cover_key', 'duplicated_from_id']);
    await queryRunner.dropTable('stock_movements');
    await queryRunner.dropTable('bundle_components');
    await queryRunner.dropIndex('skus', 'idx_skus_barcode');
    await queryRunner.dropColumns('skus', ['spec_values', 'barcode', 'weight_grams', 'reserved', 'status']);
    await queryRunner.dropTable('product_images');
    for (const index of ['idx_products_category', 'idx_products_supplier', 'idx_products_name']) {
      await queryRunner.dropIndex('products', index);
    }
    await queryRunner.dropColumns('products', [
      'kind',
      'subtitle',
      'category_id',
      'supplier_id',
      'unit',
      'spec_dimensions',
    ]);
    await queryRunner.dropTable('suppliers');
    await queryRunner.dropTable('categories');
  }
}

interface LegacySku {
  id: number | string;
  product_id: number | string;
  spec_text: string | null;
}

/**
 * Before this migration a product's SKUs were told apart only by `spec_text` (3斤装 / 5斤装). The matrix
 * editor and the buyer's spec selector need dimensions, so a product with several SKUs gets one
 * dimension 规格 whose values are its SKUs' spec texts in id order (a repeated text gets （2）, （3）…),
 * and each SKU its value. A single-SKU product keeps no dimensions ('[]' / NULL). JSON is built here in
 * JS and written row by row, so the same code runs on SQLite and MariaDB.
 */
async function backfillLegacySpecs(queryRunner: QueryRunner): Promise<void> {
  const skus = (await queryRunner.query(
    'SELECT id, product_id, spec_text FROM skus ORDER BY product_id, id',
  )) as LegacySku[];
  const byProduct = new Map<number, LegacySku[]>();
  for (const sku of skus) {
    const productId = Number(sku.product_id);
    byProduct.set(productId, [...(byProduct.get(productId) ?? []), sku]);
  }
  for (const [productId, rows] of byProduct) {
    if (rows.length < 2) continue;
    const values = distinctValues(rows.map((r) => r.spec_text ?? ''));
    await queryRunner.query('UPDATE products SET spec_dimensions = ? WHERE id = ?', [
      JSON.stringify([{ name: '规格', values }]),
      productId,
    ]);
    for (const [i, row] of rows.entries()) {
      await queryRunner.query('UPDATE skus SET spec_values = ?, spec_text = ? WHERE id = ?', [
        JSON.stringify([values[i]]),
        values[i],
        Number(row.id),
      ]);
    }
  }
}

/** Trimmed texts (blank → 默认), a repeat suffixed （2）, （3）… so every value is distinct. */
function distinctValues(texts: readonly string[]): string[] {
  const taken = new Set<string>();
  return texts.map((text) => {
    const base = text.trim() || '默认';
    let value = base;
    for (let n = 2; taken.has(value); n += 1) value = `${base}（${n}）`;
    taken.add(value);
    return value;
  });
}
