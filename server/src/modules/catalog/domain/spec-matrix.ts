import type { FieldError, SpecDimension } from '@linli/shared-types';

/** The spec text of a SKU: its values joined with ' / ', or 默认 for a product without dimensions. */
export function specTextOf(specValues: readonly string[]): string {
  return specValues.length === 0 ? '默认' : specValues.join(' / ');
}

/** Every combination of the dimension values, first dimension slowest: [[]] without dimensions. */
export function combinations(dimensions: readonly SpecDimension[]): string[][] {
  return dimensions.reduce<string[][]>(
    (rows, dimension) => rows.flatMap((row) => dimension.values.map((value) => [...row, value])),
    [[]],
  );
}

/** A stable identity of a combination, to match rows with SKUs. */
export function comboKey(specValues: readonly string[]): string {
  return JSON.stringify(specValues);
}

/**
 * Checks that the submitted rows are exactly the matrix: one row per combination, each value one of
 * its dimension's values, no duplicates. Problems go to field `skus` (or `skus.<i>` for a bad row).
 */
export function matrixProblems(
  dimensions: readonly SpecDimension[],
  rows: ReadonlyArray<{ specValues: readonly string[] }>,
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const errors: string[] = [];
    if (row.specValues.length !== dimensions.length) {
      errors.push(`规格值个数应为 ${dimensions.length} 个`);
    } else {
      row.specValues.forEach((value, d) => {
        if (!dimensions[d].values.includes(value))
          errors.push(`「${value}」不是规格「${dimensions[d].name}」的值`);
      });
    }
    const key = comboKey(row.specValues);
    if (seen.has(key)) errors.push(`规格组合「${specTextOf(row.specValues)}」重复`);
    seen.add(key);
    if (errors.length > 0) problems.push({ field: `skus.${i}`, errors });
  });
  if (problems.length > 0) return problems;
  const missing = combinations(dimensions).filter((combo) => !seen.has(comboKey(combo)));
  if (missing.length > 0) {
    const names = missing.slice(0, 5).map(specTextOf).join('、');
    problems.push({ field: 'skus', errors: [`缺少规格组合：${names}${missing.length > 5 ? ' 等' : ''}`] });
  }
  return problems;
}

export interface ExistingSku {
  id: number;
  specValues: readonly string[];
  status: 'active' | 'disabled';
}

export interface SkuPlan<Row> {
  /** Rows whose combination has no SKU yet. */
  create: Row[];
  /** Rows matched to a SKU (a disabled one comes back to life). */
  update: Array<{ id: number; row: Row }>;
  /** Active SKUs whose combination left the matrix: disabled, never deleted (orders keep them). */
  disable: number[];
}

/** Matches the (already complete) rows to existing SKUs by their spec values. */
export function planSkuChanges<Row extends { specValues: readonly string[] }>(
  rows: readonly Row[],
  existing: readonly ExistingSku[],
): SkuPlan<Row> {
  const byKey = new Map(existing.map((sku) => [comboKey(sku.specValues), sku]));
  const plan: SkuPlan<Row> = { create: [], update: [], disable: [] };
  const kept = new Set<number>();
  for (const row of rows) {
    const sku = byKey.get(comboKey(row.specValues));
    if (sku) {
      plan.update.push({ id: sku.id, row });
      kept.add(sku.id);
    } else {
      plan.create.push(row);
    }
  }
  plan.disable = existing.filter((sku) => sku.status === 'active' && !kept.has(sku.id)).map((sku) => sku.id);
  return plan;
}
