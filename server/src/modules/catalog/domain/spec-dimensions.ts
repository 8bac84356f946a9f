import type { FieldError, SpecDimension } from '@linli/shared-types';

export const MAX_DIMENSIONS = 3;
export const MAX_VALUES_PER_DIMENSION = 20;
export const MAX_COMBINATIONS = 200;
export const DIMENSION_NAME_MAX = 8;
export const DIMENSION_VALUE_MAX = 16;

/**
 * Problems with a product's spec dimensions (Chinese, one FieldError per field); empty when fine.
 * Names and values are compared trimmed, since the matrix matches rows to SKUs by exact value.
 */
export function dimensionProblems(dimensions: readonly SpecDimension[]): FieldError[] {
  const problems: FieldError[] = [];
  if (dimensions.length > MAX_DIMENSIONS) {
    problems.push({ field: 'specDimensions', errors: [`规格维度最多 ${MAX_DIMENSIONS} 个`] });
  }
  const names = new Set<string>();
  dimensions.forEach((dimension, i) => {
    const errors: string[] = [];
    const name = dimension.name.trim();
    if (name.length < 1 || name.length > DIMENSION_NAME_MAX) {
      errors.push(`规格名需为 1–${DIMENSION_NAME_MAX} 个字`);
    } else if (names.has(name)) {
      errors.push(`规格名「${name}」重复`);
    }
    names.add(name);
    if (dimension.values.length < 1 || dimension.values.length > MAX_VALUES_PER_DIMENSION) {
      errors.push(`每个规格需有 1–${MAX_VALUES_PER_DIMENSION} 个规格值`);
    }
    const values = new Set<string>();
    for (const raw of dimension.values) {
      const value = raw.trim();
      if (value.length < 1 || value.length > DIMENSION_VALUE_MAX) {
        errors.push(`规格值需为 1–${DIMENSION_VALUE_MAX} 个字`);
      } else if (values.has(value)) {
        errors.push(`规格值「${value}」重复`);
      }
      values.add(value);
    }
    if (errors.length > 0) problems.push({ field: `specDimensions.${i}`, errors: [...new Set(errors)] });
  });
  const combinations = dimensions.reduce((n, d) => n * Math.max(d.values.length, 1), 1);
  if (combinations > MAX_COMBINATIONS) {
    problems.push({
      field: 'specDimensions',
      errors: [`规格组合最多 ${MAX_COMBINATIONS} 个，当前 ${combinations} 个`],
    });
  }
  return problems;
}

/** The dimensions with names and values trimmed (what gets stored). */
export function normalizeDimensions(dimensions: readonly SpecDimension[]): SpecDimension[] {
  return dimensions.map((d) => ({ name: d.name.trim(), values: d.values.map((v) => v.trim()) }));
}
