import { isLowStock, skuProblems, type SkuDraft } from './sku-rules';

const sku: SkuDraft = { specText: '5斤装', price: 2990, cost: 1800, stock: 100, lowStockThreshold: 10 };

describe('skuProblems', () => {
  it('accepts a well-formed SKU', () => {
    expect(skuProblems(sku)).toEqual([]);
    expect(skuProblems({ ...sku, price: 0, stock: 0 })).toEqual([]);
  });

  it('rejects floats, negatives and empty specs', () => {
    expect(skuProblems({ ...sku, price: 29.9 })).toEqual(['售价必须是非负整数（分）']);
    expect(skuProblems({ ...sku, cost: -1, stock: -5 })).toEqual([
      '成本必须是非负整数（分）',
      '库存必须是非负整数',
    ]);
    expect(skuProblems({ ...sku, specText: '  ', lowStockThreshold: 1.5 })).toEqual([
      '规格不能为空',
      '低库存阈值必须是非负整数',
    ]);
  });
});

describe('isLowStock', () => {
  it('warns at and below the threshold', () => {
    expect(isLowStock({ stock: 11, lowStockThreshold: 10 })).toBe(false);
    expect(isLowStock({ stock: 10, lowStockThreshold: 10 })).toBe(true);
    expect(isLowStock({ stock: 0, lowStockThreshold: 0 })).toBe(true);
  });
});
