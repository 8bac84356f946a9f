import type { TestApp } from '../support/test-app';
import { devLogin } from '../modules/members/members-test-kit';
import {
  catalogTestApp,
  createProduct,
  simpleInput,
  uploadImage,
  writeCounts,
} from '../modules/catalog/catalog-test-kit';
import { bearer, createStaffAndLogin } from '../modules/support/modules-test-kit';
import { describeRoute } from './describe-route';

/**
 * Inventory routes that take an id: a buyer, a role without inventory.read (finance) and one with
 * inventory.read only (operator) are refused, and nothing changes.
 */
describe('inventory authorization', () => {
  let t: TestApp;
  let financeToken: string;
  let operatorToken: string;
  let warehouseToken: string;
  let buyerToken: string;
  let skuId: number;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, adminToken } = await catalogTestApp());
    financeToken = (await createStaffAndLogin(t, adminToken, ['finance'])).session.accessToken;
    operatorToken = (await createStaffAndLogin(t, adminToken, ['operator'])).session.accessToken;
    warehouseToken = (await createStaffAndLogin(t, adminToken, ['warehouse'])).session.accessToken;
    buyerToken = (await devLogin(t, 'inventory-buyer')).accessToken;
    const image = await uploadImage(t, adminToken);
    skuId = (await createProduct(t, adminToken, simpleInput('库存权限', [image], 10))).skus[0].id;
  });
  afterAll(() => t.close());

  const thresholds = () => t.dataSource.query('SELECT id, low_stock_threshold, stock FROM skus ORDER BY id');

  describeRoute('PATCH /api/admin/inventory/skus/:skuId/threshold', () => {
    const send = (token: string) =>
      t
        .http()
        .patch(`/api/admin/inventory/skus/${skuId}/threshold`)
        .set(...bearer(token))
        .send({ lowStockThreshold: 9 });

    it('is refused without inventory.write, and nothing changes', async () => {
      const before = { rows: await thresholds(), counts: await writeCounts(t) };
      const callers: Array<[string, string, number[]]> = [
        ['buyer', buyerToken, [401, 403]],
        ['no inventory.read', financeToken, [403, 404]],
        ['inventory.read only', operatorToken, [403, 404]],
      ];
      for (const [who, token, statuses] of callers) {
        const res = await send(token);
        expect({ who, refused: statuses.includes(res.status) }).toEqual({ who, refused: true });
      }
      expect({ rows: await thresholds(), counts: await writeCounts(t) }).toEqual(before);
    });

    it('is allowed with inventory.write (warehouse)', async () => {
      const res = await send(warehouseToken);
      expect(res.status).toBe(200);
      expect(res.body.lowStockThreshold).toBe(9);
    });
  });

  it('the adjustment route is refused without inventory.write too', async () => {
    const before = await writeCounts(t);
    for (const token of [buyerToken, financeToken, operatorToken]) {
      const res = await t
        .http()
        .post('/api/admin/inventory/adjustments')
        .set(...bearer(token))
        .send({ skuId, kind: 'inbound', quantity: 1, reason: '到货' });
      expect([401, 403]).toContain(res.status);
    }
    expect(await writeCounts(t)).toEqual(before);
  });
});
