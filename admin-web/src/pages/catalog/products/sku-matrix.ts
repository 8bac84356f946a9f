import type { BundleComponentView, SkuInput, SkuView, SpecDimension } from '@linli/shared-types';
import { fenToYuan, yuanToFen } from '../../../utils/money';

/**
 * The SKU matrix editor's rules, kept pure so they are tested without a browser: dimensions × values
 * → one row per combination; rows keep what was typed when dimensions change; batch fill; the payload.
 * Money in rows is 元 as typed (null = not filled yet); it becomes fen only in `toSkuInputs`.
 */
export interface SkuRow {
  /** One value per dimension, in dimension order ([] for a product without dimensions). */
  specValues: string[];
  /** Id of the saved SKU this row edits; undefined for a combination not saved yet. */
  skuId?: number;
  priceYuan: number | null;
  costYuan: number | null;
  barcode: string;
  weightGrams: number | null;
  lowStockThreshold: number | null;
  /** Only for new rows: booked as the SKU's first inbound movement. */
  initialStock: number | null;
  /** Saved stock, shown read-only on existing rows (stock changes go through inventory). */
  stock?: number;
}

export const LIMITS = {
  dimensions: 3,
  dimensionName: 8,
  values: 20,
  valueLength: 16,
  combinations: 200,
} as const;

export function rowKey(specValues: readonly string[]): string {
  return JSON.stringify(specValues);
}

/** Every combination of the dimensions' values, first dimension varying slowest; [[]] without dimensions. */
export function combinations(dimensions: readonly SpecDimension[]): string[][] {
  return dimensions.reduce<string[][]>(
    (acc, dim) => acc.flatMap((prefix) => dim.values.map((value) => [...prefix, value])),
    [[]],
  );
}

export function emptyRow(specValues: string[]): SkuRow {
  return {
    specValues,
    priceYuan: null,
    costYuan: null,
    barcode: '',
    weightGrams: null,
    lowStockThreshold: null,
    initialStock: null,
  };
}

/**
 * The rows for `next` dimensions. A combination that had a row keeps it; a new one copies price, cost,
 * weight and threshold from a row it extends or narrows (same values on the dimensions both share), so
 * adding 产地 to a priced 规格 list does not wipe the prices. Barcodes and saved SKU ids are never copied:
 * they belong to exactly one SKU.
 */
export function buildMatrix(
  prevDimensions: readonly SpecDimension[],
  prevRows: readonly SkuRow[],
  next: readonly SpecDimension[],
): SkuRow[] {
  const byKey = new Map(prevRows.map((row) => [rowKey(row.specValues), row]));
  const sameShape =
    prevDimensions.length === next.length && prevDimensions.every((d, i) => d.name === next[i].name);
  const shared = next
    .map((dim, nextIndex) => ({ nextIndex, prevIndex: prevDimensions.findIndex((d) => d.name === dim.name) }))
    .filter((pair) => pair.prevIndex >= 0);

  return combinations(next).map((values) => {
    const exact = sameShape ? byKey.get(rowKey(values)) : undefined;
    if (exact) return { ...exact, specValues: values };
    const similar = prevRows.find((row) =>
      shared.every((p) => row.specValues[p.prevIndex] === values[p.nextIndex]),
    );
    // Without dimensions both sides, the single row is the same SKU.
    if (similar && next.length === 0 && prevDimensions.length === 0)
      return { ...similar, specValues: values };
    return similar
      ? {
          ...emptyRow(values),
          priceYuan: similar.priceYuan,
          costYuan: similar.costYuan,
          weightGrams: similar.weightGrams,
          lowStockThreshold: similar.lowStockThreshold,
        }
      : emptyRow(values);
  });
}

/** What 批量填充 may set on every row; unset (null/undefined) fields are left alone. */
export type BatchPatch = Partial<
  Pick<SkuRow, 'priceYuan' | 'costYuan' | 'weightGrams' | 'lowStockThreshold' | 'initialStock'>
>;

export function batchFill(rows: readonly SkuRow[], patch: BatchPatch): SkuRow[] {
  const set = Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== null && v !== undefined),
  ) as BatchPatch;
  return rows.map((row) => {
    const next = { ...row, ...set };
    // Saved SKUs change stock only through inventory adjustments.
    if (row.skuId !== undefined) next.initialStock = row.initialStock;
    return next;
  });
}

export function rowLabel(row: Pick<SkuRow, 'specValues'>): string {
  return row.specValues.length > 0 ? row.specValues.join(' / ') : '默认';
}

/** Problems with the dimensions as typed (names, duplicates, limits), in Chinese; empty when fine. */
export function dimensionProblems(dimensions: readonly SpecDimension[]): string[] {
  const problems: string[] = [];
  if (dimensions.length > LIMITS.dimensions) problems.push(`最多 ${LIMITS.dimensions} 个规格维度`);
  const names = new Set<string>();
  dimensions.forEach((dim, i) => {
    const name = dim.name.trim();
    const label = name || `第 ${i + 1} 个维度`;
    if (!name) problems.push(`第 ${i + 1} 个规格维度还没有名称`);
    else if (name.length > LIMITS.dimensionName)
      problems.push(`规格名「${name}」最长 ${LIMITS.dimensionName} 个字`);
    if (name && names.has(name)) problems.push(`规格名「${name}」重复了`);
    names.add(name);
    if (dim.values.length === 0) problems.push(`「${label}」至少需要一个规格值`);
    if (dim.values.length > LIMITS.values) problems.push(`「${label}」最多 ${LIMITS.values} 个规格值`);
  });
  const count = dimensions.reduce((n, d) => n * d.values.length, 1);
  if (count > LIMITS.combinations)
    problems.push(`规格组合最多 ${LIMITS.combinations} 个（现在 ${count} 个）`);
  return problems;
}

/** Problems with the rows (missing price or cost, cost above price…), each naming its row. */
export function rowProblems(rows: readonly SkuRow[]): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const label = rowLabel(row);
    if (row.priceYuan === null) problems.push(`「${label}」还没有填写售价`);
    else if (row.priceYuan <= 0) problems.push(`「${label}」售价须大于 0`);
    if (row.costYuan === null) problems.push(`「${label}」还没有填写成本`);
  }
  const barcodes = rows.map((r) => r.barcode.trim()).filter(Boolean);
  const dup = barcodes.find((b, i) => barcodes.indexOf(b) !== i);
  if (dup) problems.push(`条码 ${dup} 在多个规格上重复`);
  return problems;
}

/** The rows as the API takes them: money in fen; initialStock only for new SKUs. */
export function toSkuInputs(rows: readonly SkuRow[]): SkuInput[] {
  return rows.map((row) => {
    const input: SkuInput = {
      specValues: row.specValues,
      price: yuanToFen(row.priceYuan ?? 0),
      cost: yuanToFen(row.costYuan ?? 0),
      barcode: row.barcode.trim() || null,
      weightGrams: row.weightGrams ?? 0,
      lowStockThreshold: row.lowStockThreshold ?? 0,
    };
    if (row.skuId === undefined) input.initialStock = row.initialStock ?? 0;
    return input;
  });
}

/** Rows of a saved product (active SKUs only: disabled ones left the matrix). */
export function rowsFromSkus(skus: readonly SkuView[]): SkuRow[] {
  return skus
    .filter((sku) => sku.status === 'active')
    .map((sku) => ({
      specValues: sku.specValues,
      skuId: sku.id,
      priceYuan: fenToYuan(sku.price),
      costYuan: fenToYuan(sku.cost),
      barcode: sku.barcode ?? '',
      weightGrams: sku.weightGrams,
      lowStockThreshold: sku.lowStockThreshold,
      initialStock: null,
      stock: sku.stock,
    }));
}

/** A bundle's availability: the minimum over its components of floor(stock / quantity); 0 without any. */
export function bundleAvailability(
  components: readonly Pick<BundleComponentView, 'stock' | 'quantity'>[],
): number {
  if (components.length === 0) return 0;
  return Math.min(...components.map((c) => Math.floor(Math.max(0, c.stock) / Math.max(1, c.quantity))));
}
