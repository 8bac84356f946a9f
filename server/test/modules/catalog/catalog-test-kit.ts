import type { ProductDetail, ProductInput, UploadedFile } from '@linli/shared-types';
import { FirstAdminService } from '../../../src/seed';
import { createTestApp, type TestApp } from '../../support/test-app';
import { TINY_PNG } from '../uploads/upload-fixtures';
import { bearer, countRows, loginAsAdmin } from '../support/modules-test-kit';

/** A fresh app with only the first admin (no demo data), and the admin's token. */
export async function catalogTestApp(): Promise<{ t: TestApp; adminToken: string }> {
  const t = await createTestApp({ env: { ADMIN_INITIAL_PASSWORD: 'catalog2026x', DEV_LOGIN: 'true' } });
  await t.app.get(FirstAdminService).ensureFirstAdmin();
  return { t, adminToken: (await loginAsAdmin(t)).accessToken };
}

export async function uploadImage(t: TestApp, token: string): Promise<string> {
  const res = await t
    .http()
    .post('/api/admin/uploads')
    .set(...bearer(token))
    .attach('file', TINY_PNG, { filename: 'p.png', contentType: 'image/png' });
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as UploadedFile).key;
}

/** 规格 5斤装/10斤装 × 产地 海南/广西, stock 10/20/30/40 in matrix order. */
export function lycheeInput(imageKeys: string[]): ProductInput {
  const sizes = ['5斤装', '10斤装'];
  const origins = ['海南', '广西'];
  return {
    name: '妃子笑荔枝',
    unit: '箱',
    imageKeys,
    specDimensions: [
      { name: '规格', values: sizes },
      { name: '产地', values: origins },
    ],
    skus: sizes.flatMap((size, i) =>
      origins.map((origin, j) => ({
        specValues: [size, origin],
        price: 5990 + i * 5000 + j * 100,
        cost: 3800 + i * 3000,
        lowStockThreshold: 5,
        initialStock: 10 * (i * 2 + j + 1),
      })),
    ),
  };
}

/** A standard product with one SKU (no dimensions). */
export function simpleInput(name: string, imageKeys: string[], initialStock = 20): ProductInput {
  return {
    name,
    imageKeys,
    specDimensions: [],
    skus: [{ specValues: [], price: 1000, cost: 600, lowStockThreshold: 5, initialStock }],
  };
}

export async function createProduct(t: TestApp, token: string, input: ProductInput): Promise<ProductDetail> {
  const res = await t
    .http()
    .post('/api/admin/products')
    .set(...bearer(token))
    .send(input);
  if (res.status !== 201) throw new Error(`create product failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ProductDetail;
}

export async function putOnSale(t: TestApp, token: string, id: number): Promise<ProductDetail> {
  const res = await t
    .http()
    .post(`/api/admin/products/${id}/status`)
    .set(...bearer(token))
    .send({ status: 'on_sale' });
  if (res.status !== 200) throw new Error(`on sale failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ProductDetail;
}

/** Row counts of everything a catalog or inventory write touches, to prove a refusal wrote nothing. */
export async function writeCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'products',
    'skus',
    'product_images',
    'bundle_components',
    'stock_movements',
    'audit_logs',
    'outbox_events',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(t, table);
  return counts;
}

/** Per SKU: stock, reserved and the sums of the ledger's deltas (they must agree). */
export async function ledgerCheck(
  t: TestApp,
): Promise<Array<{ id: number; stock: number; reserved: number; stockSum: number; reservedSum: number }>> {
  const rows = (await t.dataSource.query(
    `SELECT s.id, s.stock, s.reserved,
            COALESCE(SUM(m.stock_delta), 0) AS stock_sum, COALESCE(SUM(m.reserved_delta), 0) AS reserved_sum
       FROM skus s LEFT JOIN stock_movements m ON m.sku_id = s.id
      GROUP BY s.id, s.stock, s.reserved ORDER BY s.id`,
  )) as Array<Record<string, number | string>>;
  return rows.map((r) => ({
    id: Number(r.id),
    stock: Number(r.stock),
    reserved: Number(r.reserved),
    stockSum: Number(r.stock_sum),
    reservedSum: Number(r.reserved_sum),
  }));
}

export function expectLedgerBalanced(rows: Awaited<ReturnType<typeof ledgerCheck>>): void {
  for (const row of rows) {
    expect({ id: row.id, stock: row.stockSum, reserved: row.reservedSum }).toEqual({
      id: row.id,
      stock: row.stock,
      reserved: row.reserved,
    });
    expect(row.stock).toBeGreaterThanOrEqual(0);
    expect(row.reserved).toBeGreaterThanOrEqual(0);
  }
}
