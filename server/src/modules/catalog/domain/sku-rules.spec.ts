import type { SkuInput } from '@linli/shared-types';
import { isLowStock, skuProblems } from './sku-rules';

const sku: SkuInput = {
  specValues: ['5斤装'],
  price: 2990,
  cost: 1800,
  initialStock: 100,
  lowStockThreshold: 10,
};

describe('skuProblems', () => {
  it('accepts a well-formed SKU', () => {
    expect(skuProblems(sku)).toEqual([]);
    expect(skuProblems({ ...sku, price: 0, initialStock: 0 })).toEqual([]);
  });

  it('rejects floats, negatives and long barcodes', () => {
    expect(skuProblems({ ...sku, price: 29.9 })).toEqual(['售价必须是非负整数（分），最高 100 万元']);
    expect(skuProblems({ ...sku, cost: -1, initialStock: -5 })).toEqual([
      '成本必须是非负整数（分），最高 100 万元',
      '初始库存必须是 0–1000000 的整数',
    ]);
    expect(skuProblems({ ...sku, weightGrams: 1.5, lowStockThreshold: -1, barcode: '1'.repeat(33) })).toEqual(
      ['重量必须是 0–1000000 的整数（克）', '低库存阈值必须是 0–1000000 的整数', '条码最多 32 个字符'],
    );
  });

  it('rejects oversized numbers (a typo of extra zeros)', () => {
    expect(skuProblems({ ...sku, price: 100_000_000, cost: 100_000_000, initialStock: 1_000_000 })).toEqual(
      [],
    );
    expect(
      skuProblems({
        ...sku,
        price: 100_000_001,
        cost: 2 ** 40,
        weightGrams: 1_000_001,
        lowStockThreshold: 1_000_001,
        initialStock: 1_000_001,
      }),
    ).toHaveLength(5);
  });
});

describe('isLowStock', () => {
  it('warns at and below the threshold', () => {
    expect(isLowStock({ stock: 11, lowStockThreshold: 10 })).toBe(false);
    expect(isLowStock({ stock: 10, lowStockThreshold: 10 })).toBe(true);
    expect(isLowStock({ stock: 0, lowStockThreshold: 0 })).toBe(true);
  });
});
