import type { CategoryView, ProductDetail, SupplierView } from '@linli/shared-types';
import type { TestApp } from '../support/test-app';
import { devLogin } from '../modules/members/members-test-kit';
import {
  catalogTestApp,
  createProduct,
  lycheeInput,
  uploadImage,
  writeCounts,
} from '../modules/catalog/catalog-test-kit';
import { bearer, countRows, createStaffAndLogin } from '../modules/support/modules-test-kit';
import { describeRoute } from './describe-route';

/**
 * Catalog routes that take an id: a buyer, a role without catalog.read (finance) and, for writes, a role
 * with catalog.read only (warehouse) are refused, and nothing changes.
 */
describe('catalog authorization', () => {
  let t: TestApp;
  let financeToken: string;
  let warehouseToken: string;
  let buyerToken: string;
  let category: CategoryView;
  let supplier: SupplierView;
  let product: ProductDetail;
  let image: string;

  beforeAll(async () => {
    let adminToken: string;
    ({ t, adminToken } = await catalogTestApp());
    financeToken = (await createStaffAndLogin(t, adminToken, ['finance'])).session.accessToken;
    warehouseToken = (await createStaffAndLogin(t, adminToken, ['warehouse'])).session.accessToken;
    buyerToken = (await devLogin(t, 'catalog-buyer')).accessToken;
    image = await uploadImage(t, adminToken);
    category = (
      await t
        .http()
        .post('/api/admin/categories')
        .set(...bearer(adminToken))
        .send({ name: '水果', parentId: null })
    ).body;
    supplier = (
      await t
        .http()
        .post('/api/admin/suppliers')
        .set(...bearer(adminToken))
        .send({ name: '果园', settlement: 'weekly' })
    ).body;
    product = await createProduct(t, adminToken, lycheeInput([image]));
  });
  afterAll(() => t.close());

  async function snapshot(): Promise<unknown> {
    const rows = await Promise.all([
      t.dataSource.query('SELECT id, name, parent_id, sort_order FROM categories ORDER BY id'),
      t.dataSource.query('SELECT id, name, status, settlement FROM suppliers ORDER BY id'),
      t.dataSource.query('SELECT id, name, status FROM products ORDER BY id'),
      t.dataSource.query('SELECT id, price, status FROM skus ORDER BY id'),
    ]);
    return { rows, counts: await writeCounts(t), categories: await countRows(t, 'categories') };
  }

  type Send = (token: string) => Promise<{ status: number }>;

  async function expectRefused(send: Send, kind: 'read' | 'write'): Promise<void> {
    const before = await snapshot();
    const callers: Array<[string, string, number[]]> = [
      ['buyer', buyerToken, [401, 403]],
      ['no catalog.read', financeToken, [403, 404]],
    ];
    if (kind === 'write') callers.push(['catalog.read only', warehouseToken, [403, 404]]);
    for (const [who, token, statuses] of callers) {
      const res = await send(token);
      expect({ who, refused: statuses.includes(res.status) }).toEqual({ who, refused: true });
    }
    expect(await snapshot()).toEqual(before);
  }

  const http = () => t.http();

  describeRoute('PATCH /api/admin/categories/:id', () => {
    it('is refused without catalog.write', () =>
      expectRefused(
        (token) =>
          http()
            .patch(`/api/admin/categories/${category.id}`)
            .set(...bearer(token))
            .send({ name: '改名' }),
        'write',
      ));
  });

  describeRoute('DELETE /api/admin/categories/:id', () => {
    it('is refused without catalog.write', () =>
      expectRefused(
        (token) =>
          http()
            .delete(`/api/admin/categories/${category.id}`)
            .set(...bearer(token)),
        'write',
      ));
  });

  describeRoute('GET /api/admin/suppliers/:id', () => {
    it('is refused without catalog.read', () =>
      expectRefused(
        (token) =>
          http()
            .get(`/api/admin/suppliers/${supplier.id}`)
            .set(...bearer(token)),
        'read',
      ));
  });

  describeRoute('PATCH /api/admin/suppliers/:id', () => {
    it('is refused without catalog.write', () =>
      expectRefused(
        (token) =>
          http()
            .patch(`/api/admin/suppliers/${supplier.id}`)
            .set(...bearer(token))
            .send({ status: 'disabled' }),
        'write',
      ));
  });

  describeRoute('GET /api/admin/products/:id', () => {
    it('is refused without catalog.read', () =>
      expectRefused(
        (token) =>
          http()
            .get(`/api/admin/products/${product.id}`)
            .set(...bearer(token)),
        'read',
      ));
  });

  describeRoute('PUT /api/admin/products/:id', () => {
    it('is refused without catalog.write', () =>
      expectRefused(
        (token) =>
          http()
            .put(`/api/admin/products/${product.id}`)
            .set(...bearer(token))
            .send({ ...lycheeInput([image]), name: '改名' }),
        'write',
      ));
  });

  describeRoute('POST /api/admin/products/:id/status', () => {
    it('is refused without catalog.write', () =>
      expectRefused(
        (token) =>
          http()
            .post(`/api/admin/products/${product.id}/status`)
            .set(...bearer(token))
            .send({ status: 'on_sale' }),
        'write',
      ));
  });
});
