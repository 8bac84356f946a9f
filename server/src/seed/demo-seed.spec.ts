import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dimensionProblems } from '../modules/catalog/domain/spec-dimensions';
import { matrixProblems } from '../modules/catalog/domain/spec-matrix';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, DEMO_SUPPLIERS } from './demo-catalog';
import { DEMO_ASSETS_DIR } from './demo-catalog-seed';
import { demoCampaignSchedule } from './demo-seed';

describe('demoCampaignSchedule', () => {
  it('cuts off tonight at 22:00 Shanghai and picks up tomorrow', () => {
    const now = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai
    const s = demoCampaignSchedule(now);
    expect(s.cutoffAt.toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(s.pickupDate).toBe('2026-03-02');
    expect(s.startAt.toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(s.endAt.toISOString()).toBe('2026-03-03T02:00:00.000Z');
  });

  it('moves the cut-off to tomorrow night once tonight 22:00 has passed', () => {
    const now = new Date('2026-03-01T15:00:00Z'); // 23:00 in Shanghai
    const s = demoCampaignSchedule(now);
    expect(s.cutoffAt.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(s.pickupDate).toBe('2026-03-03');
    expect(s.cutoffAt < s.endAt).toBe(true);
  });

  it('handles the Shanghai day starting before UTC midnight', () => {
    const now = new Date('2026-03-01T16:30:00Z'); // 00:30 on 03-02 in Shanghai
    const s = demoCampaignSchedule(now);
    expect(s.cutoffAt.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(s.pickupDate).toBe('2026-03-03');
  });
});

describe('demo catalog data', () => {
  it('has complete, valid matrices, a 规格 × 产地 product and sane prices', () => {
    for (const product of DEMO_PRODUCTS) {
      expect({ product: product.name, problems: dimensionProblems(product.specDimensions) }).toEqual({
        product: product.name,
        problems: [],
      });
      expect({
        product: product.name,
        problems: matrixProblems(product.specDimensions, product.skus),
      }).toEqual({
        product: product.name,
        problems: [],
      });
      for (const sku of product.skus) {
        expect(Number.isInteger(sku.price) && sku.cost < sku.price).toBe(true);
        if (sku.groupPrice !== undefined) expect(sku.groupPrice).toBeLessThan(sku.price);
      }
    }
    const lychee = DEMO_PRODUCTS.find((p) => p.specDimensions.length === 2);
    expect(lychee?.specDimensions).toEqual([
      { name: '规格', values: ['5斤装', '10斤装'] },
      { name: '产地', values: ['海南', '广西'] },
    ]);
    expect(lychee?.skus).toHaveLength(4);
  });

  it('has one bundle of existing component SKUs, and a picture for every product', () => {
    const bundles = DEMO_PRODUCTS.filter((p) => p.components);
    expect(bundles).toHaveLength(1);
    const units = bundles[0].components!.reduce((sum, c) => sum + c.quantity, 0);
    expect(units).toBeGreaterThanOrEqual(2);
    for (const c of bundles[0].components!) {
      const source = DEMO_PRODUCTS.find((p) => p.key === c.product);
      expect(source?.components).toBeUndefined();
      expect(source?.skus.some((s) => s.specValues.join() === c.specValues.join())).toBe(true);
      // Components come first so their SKU ids exist when the bundle is created.
      expect(DEMO_PRODUCTS.indexOf(source!)).toBeLessThan(DEMO_PRODUCTS.indexOf(bundles[0]));
    }
    for (const product of DEMO_PRODUCTS) {
      const bytes = readFileSync(join(DEMO_ASSETS_DIR, product.image));
      expect([bytes[0], bytes[1], bytes[2]]).toEqual([0xff, 0xd8, 0xff]); // JPEG
    }
    const categories = new Set(DEMO_CATEGORIES.flatMap((c) => [c.name, ...c.children]));
    const suppliers = new Set(DEMO_SUPPLIERS.map((s) => s.key));
    for (const product of DEMO_PRODUCTS) {
      expect(categories.has(product.category)).toBe(true);
      expect(suppliers.has(product.supplier)).toBe(true);
    }
  });
});
