import { describe, expect, it } from 'vitest';
import type { SkuView, SpecDimension } from '@linli/shared-types';
import {
  batchFill,
  bundleAvailability,
  buildMatrix,
  combinations,
  dimensionProblems,
  emptyRow,
  rowProblems,
  rowsFromSkus,
  toSkuInputs,
  type SkuRow,
} from './sku-matrix';

const size: SpecDimension = { name: '规格', values: ['5斤装', '10斤装'] };
const origin: SpecDimension = { name: '产地', values: ['海南', '广西'] };

const priced = (values: string[], priceYuan: number, extra: Partial<SkuRow> = {}): SkuRow => ({
  ...emptyRow(values),
  priceYuan,
  costYuan: priceYuan / 2,
  ...extra,
});

describe('combinations', () => {
  it('crosses the dimensions in order, the first varying slowest', () => {
    expect(combinations([size, origin])).toEqual([
      ['5斤装', '海南'],
      ['5斤装', '广西'],
      ['10斤装', '海南'],
      ['10斤装', '广西'],
    ]);
  });

  it('gives one row without dimensions and none when a dimension has no values yet', () => {
    expect(combinations([])).toEqual([[]]);
    expect(combinations([size, { name: '产地', values: [] }])).toEqual([]);
  });
});

describe('buildMatrix', () => {
  it('keeps typed rows when a value is added and adds an empty row for the new combination', () => {
    const rows = [priced(['5斤装'], 30, { barcode: '690001', skuId: 7 }), priced(['10斤装'], 55)];
    const next = buildMatrix([size], rows, [{ name: '规格', values: ['5斤装', '10斤装', '20斤装'] }]);
    expect(next.map((r) => [r.specValues, r.priceYuan, r.skuId, r.barcode])).toEqual([
      [['5斤装'], 30, 7, '690001'],
      [['10斤装'], 55, undefined, ''],
      [['20斤装'], null, undefined, ''],
    ]);
  });

  it('drops rows of a removed value', () => {
    const rows = [priced(['5斤装'], 30), priced(['10斤装'], 55)];
    expect(buildMatrix([size], rows, [{ name: '规格', values: ['10斤装'] }])).toEqual([rows[1]]);
  });

  it('copies price and cost (not barcode or SKU id) into the rows a new dimension splits a row into', () => {
    const rows = [priced(['5斤装'], 30, { barcode: '690001', skuId: 7 }), priced(['10斤装'], 55)];
    const next = buildMatrix([size], rows, [size, origin]);
    expect(next).toHaveLength(4);
    expect(next.map((r) => r.priceYuan)).toEqual([30, 30, 55, 55]);
    expect(next.every((r) => r.barcode === '' && r.skuId === undefined)).toBe(true);
  });

  it('keeps the single row of a product without dimensions', () => {
    const only = priced([], 12, { skuId: 3 });
    expect(buildMatrix([], [only], [])).toEqual([only]);
  });
});

describe('batchFill', () => {
  it('sets the filled fields on every row and initial stock only on new rows', () => {
    const rows = [priced(['5斤装'], 30, { skuId: 7 }), emptyRow(['10斤装'])];
    const next = batchFill(rows, { priceYuan: 39.9, costYuan: null, initialStock: 100 });
    expect(next.map((r) => [r.priceYuan, r.costYuan, r.initialStock])).toEqual([
      [39.9, 15, null],
      [39.9, null, 100],
    ]);
  });
});

describe('problems', () => {
  it('names dimensions without a name, duplicated names and empty value lists', () => {
    expect(
      dimensionProblems([
        { name: '', values: ['a'] },
        { name: '规格', values: [] },
        { name: '规格', values: ['b'] },
      ]),
    ).toEqual(['第 1 个规格维度还没有名称', '「规格」至少需要一个规格值', '规格名「规格」重复了']);
    expect(dimensionProblems([size, origin])).toEqual([]);
  });

  it('names the rows that miss a price or cost and repeated barcodes', () => {
    const rows = [priced(['5斤装'], 30, { barcode: '69' }), { ...emptyRow(['10斤装']), barcode: '69' }];
    expect(rowProblems(rows)).toEqual([
      '「10斤装」还没有填写售价',
      '「10斤装」还没有填写成本',
      '条码 69 在多个规格上重复',
    ]);
  });
});

describe('toSkuInputs / rowsFromSkus', () => {
  it('converts 元 to fen and sends initial stock only for new rows', () => {
    const rows = [
      priced(['5斤装'], 19.99, { skuId: 7, initialStock: 5, barcode: ' 690 ' }),
      { ...priced(['10斤装'], 35.5), initialStock: 20, weightGrams: 5000 },
    ];
    expect(toSkuInputs(rows)).toEqual([
      { specValues: ['5斤装'], price: 1999, cost: 999, barcode: '690', weightGrams: 0, lowStockThreshold: 0 },
      {
        specValues: ['10斤装'],
        price: 3550,
        cost: 1775,
        barcode: null,
        weightGrams: 5000,
        lowStockThreshold: 0,
        initialStock: 20,
      },
    ]);
  });

  it('reads saved active SKUs back into rows, leaving disabled ones out', () => {
    const sku = (id: number, status: 'active' | 'disabled'): SkuView => ({
      id,
      productId: 1,
      specValues: [`v${id}`],
      specText: `v${id}`,
      price: 2990,
      cost: 1500,
      barcode: null,
      weightGrams: 500,
      stock: 8,
      reserved: 0,
      lowStockThreshold: 3,
      status,
    });
    expect(rowsFromSkus([sku(1, 'active'), sku(2, 'disabled')])).toEqual([
      {
        specValues: ['v1'],
        skuId: 1,
        priceYuan: 29.9,
        costYuan: 15,
        barcode: '',
        weightGrams: 500,
        lowStockThreshold: 3,
        initialStock: null,
        stock: 8,
      },
    ]);
  });
});

describe('bundleAvailability', () => {
  it('is the minimum over components of floor(stock / quantity)', () => {
    expect(
      bundleAvailability([
        { stock: 10, quantity: 2 },
        { stock: 7, quantity: 1 },
      ]),
    ).toBe(5);
    expect(bundleAvailability([{ stock: 3, quantity: 4 }])).toBe(0);
    expect(bundleAvailability([])).toBe(0);
  });
});
