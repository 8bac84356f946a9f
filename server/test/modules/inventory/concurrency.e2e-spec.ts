import { InventoryService } from '../../../src/modules/inventory';
import { systemContext, TransactionRunner } from '../../../src/platform';
import type { TestApp } from '../../support/test-app';
import {
  catalogTestApp,
  createProduct,
  expectLedgerBalanced,
  ledgerCheck,
  simpleInput,
  uploadImage,
} from '../catalog/catalog-test-kit';
import { bearer } from '../support/modules-test-kit';

/**
 * Bursts of parallel stock changes against one SKU. On MariaDB/MySQL these really race (connection
 * pool, row locks); on SQLite they are serialised, and the same assertions must hold.
 */
describe('concurrent stock changes', () => {
  let t: TestApp;
  let token: string;
  let image: string;

  beforeAll(async () => {
    ({ t, adminToken: token } = await catalogTestApp());
    image = await uploadImage(t, token);
  });
  afterAll(() => t.close());

  const stockOf = async (skuId: number) =>
    (await t.dataSource.query(`SELECT stock, reserved FROM skus WHERE id = ${skuId}`))[0] as Record<
      string,
      number | string
    >;

  it('50 parallel damage requests of 1 against stock 20: exactly 20 succeed, never below zero', async () => {
    const skuId = (await createProduct(t, token, simpleInput('并发报损', [image], 20))).skus[0].id;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post('/api/admin/inventory/adjustments')
          .set(...bearer(token))
          .send({ skuId, kind: 'damage', quantity: 1, reason: `报损 ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(30);
    expect(
      results.filter((r) => r.status === 409).every((r) => r.body.code === 'INVENTORY_INSUFFICIENT_STOCK'),
    ).toBe(true);
    expect(Number((await stockOf(skuId)).stock)).toBe(0);
    // stock_after values are exactly 19..0, each once: every movement saw its own result.
    const afters = (await t.dataSource.query(
      `SELECT stock_after FROM stock_movements WHERE sku_id = ${skuId} AND kind = 'damage'`,
    )) as Array<{ stock_after: number }>;
    expect(afters.map((a) => Number(a.stock_after)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expectLedgerBalanced(await ledgerCheck(t));
  });

  it('50 parallel order reservations of 1 mixed with inbound and damage keep the ledger equal to stock', async () => {
    const skuId = (await createProduct(t, token, simpleInput('并发下单', [image], 20))).skus[0].id;
    const inventory = t.app.get(InventoryService);
    const tx = t.app.get(TransactionRunner);
    const reserve = (i: number) =>
      tx
        .run((m) =>
          inventory.reserve(m, systemContext('orders'), {
            lines: [{ skuId, quantity: 1 }],
            orderId: i,
            requestKey: `order:${i}:reserve`,
          }),
        )
        .then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        );
    const adjust = (kind: 'inbound' | 'damage', quantity: number) =>
      t
        .http()
        .post('/api/admin/inventory/adjustments')
        .set(...bearer(token))
        .send({ skuId, kind, quantity, reason: '并发' })
        .then((r) => r.status);
    const outcomes = await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => reserve(i + 1)),
      adjust('inbound', 5),
      adjust('damage', 3),
      // The same order retried: books nothing twice.
      reserve(1),
      reserve(2),
    ]);
    const reserveOutcomes = outcomes.slice(0, 50) as string[];
    expect(reserveOutcomes.every((o) => o === 'ok' || o === 'INVENTORY_INSUFFICIENT_STOCK')).toBe(true);
    const { stock, reserved } = await stockOf(skuId);
    expect(Number(stock)).toBeGreaterThanOrEqual(0);
    const reservedOrders = Number(
      (
        await t.dataSource.query(
          `SELECT COUNT(DISTINCT order_id) AS n FROM stock_movements WHERE sku_id = ${skuId} AND kind = 'reserve'`,
        )
      )[0].n,
    );
    expect(Number(reserved)).toBe(reservedOrders);
    expectLedgerBalanced(await ledgerCheck(t));
  });
});
