import type { ProductDetail } from '@linli/shared-types';
import { CatalogInventoryCampaigns1763856000009 } from '../../../src/migrations/0009-catalog-inventory-campaigns';
import type { TestApp } from '../../support/test-app';
import { bearer } from '../support/modules-test-kit';
import { catalogTestApp } from './catalog-test-kit';

/** Migration 0009 on a database at 0008 holding issue 3's products (SKUs told apart by spec_text only). */
describe('migration 0009 (catalog, inventory, campaigns) on legacy products', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, adminToken: token } = await catalogTestApp());
  });
  afterAll(() => t.close());

  it('gives multi-SKU products a 规格 dimension from their spec texts and leaves single SKUs alone', async () => {
    const migration = new CatalogInventoryCampaigns1763856000009();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner); // back to the 0008 schema
      const insertProduct = async (name: string, status = 'on_sale'): Promise<number> => {
        await runner.query('INSERT INTO products (name, status) VALUES (?, ?)', [name, status]);
        const rows = (await runner.query('SELECT MAX(id) AS id FROM products')) as Array<{ id: number }>;
        return Number(rows[0].id);
      };
      const insertSku = (productId: number, specText: string, stock: number) =>
        runner.query(
          'INSERT INTO skus (product_id, spec_text, price, cost, stock) VALUES (?, ?, 990, 500, ?)',
          [productId, specText, stock],
        );
      const pineapple = await insertProduct('凤梨', 'draft');
      await insertSku(pineapple, '5斤装', 12);
      await insertSku(pineapple, '3斤装', 8);
      const twins = await insertProduct('同名规格');
      await insertSku(twins, '一箱', 1);
      await insertSku(twins, '一箱', 2);
      await insertSku(twins, ' ', 3);
      const single = await insertProduct('单规格');
      await insertSku(single, '默认', 5);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const products = (await t.dataSource.query(
      'SELECT id, name, spec_dimensions FROM products ORDER BY id',
    )) as Array<{ id: number; name: string; spec_dimensions: string | null }>;
    const skus = (await t.dataSource.query(
      'SELECT product_id, spec_text, spec_values, stock FROM skus ORDER BY id',
    )) as Array<{ product_id: number; spec_text: string; spec_values: string; stock: number }>;
    const dims = (name: string) => {
      const raw = products.find((p) => p.name === name)?.spec_dimensions;
      return raw == null ? null : (JSON.parse(raw) as unknown);
    };
    const skusOf = (name: string) => {
      const id = Number(products.find((p) => p.name === name)?.id);
      return skus
        .filter((s) => Number(s.product_id) === id)
        .map((s) => [s.spec_text, JSON.parse(s.spec_values) as unknown, Number(s.stock)]);
    };
    expect(dims('凤梨')).toEqual([{ name: '规格', values: ['5斤装', '3斤装'] }]);
    expect(skusOf('凤梨')).toEqual([
      ['5斤装', ['5斤装'], 12],
      ['3斤装', ['3斤装'], 8],
    ]);
    expect(dims('同名规格')).toEqual([{ name: '规格', values: ['一箱', '一箱（2）', '默认'] }]);
    expect(skusOf('同名规格').map((s) => s[1])).toEqual([['一箱'], ['一箱（2）'], ['默认']]);
    expect(dims('单规格')).toBeNull();
    expect(skusOf('单规格')).toEqual([['默认', [], 5]]);

    // The matrix editor's round trip works on the migrated product: saving it as shown is accepted.
    const pineappleId = Number(products.find((p) => p.name === '凤梨')?.id);
    const detail = (
      await t
        .http()
        .get(`/api/admin/products/${pineappleId}`)
        .set(...bearer(token))
        .expect(200)
    ).body as ProductDetail;
    expect(detail.skus.map((s) => [s.specText, s.stock])).toEqual([
      ['5斤装', 12],
      ['3斤装', 8],
    ]);
    const saved = (
      await t
        .http()
        .put(`/api/admin/products/${pineappleId}`)
        .set(...bearer(token))
        .send({
          name: detail.name,
          imageKeys: [],
          specDimensions: detail.specDimensions,
          skus: detail.skus.map((s) => ({ specValues: s.specValues, price: s.price, cost: s.cost })),
        })
        .expect(200)
    ).body as ProductDetail;
    // Same SKUs, none created or disabled.
    expect(saved.skus.map((s) => [s.id, s.status])).toEqual(detail.skus.map((s) => [s.id, 'active']));
  });
});
