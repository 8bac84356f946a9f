import type { SpecDimension } from '@linli/shared-types';
import { combinations, matrixProblems, planSkuChanges, specTextOf } from './spec-matrix';

const size: SpecDimension = { name: '规格', values: ['5斤装', '10斤装'] };
const origin: SpecDimension = { name: '产地', values: ['海南', '广西'] };
const row = (...specValues: string[]) => ({ specValues });

describe('specTextOf', () => {
  it('joins the values, or says 默认 without dimensions', () => {
    expect(specTextOf(['5斤装', '海南'])).toBe('5斤装 / 海南');
    expect(specTextOf([])).toBe('默认');
  });
});

describe('combinations', () => {
  it('is the cartesian product, first dimension slowest', () => {
    expect(combinations([size, origin])).toEqual([
      ['5斤装', '海南'],
      ['5斤装', '广西'],
      ['10斤装', '海南'],
      ['10斤装', '广西'],
    ]);
  });

  it('is one empty combination without dimensions', () => {
    expect(combinations([])).toEqual([[]]);
  });

  it('has values × values × values rows for three dimensions', () => {
    const colour = { name: '颜色', values: ['红', '黄', '绿'] };
    expect(combinations([size, origin, colour])).toHaveLength(12);
  });
});

describe('matrixProblems', () => {
  it('accepts exactly one row per combination in any order', () => {
    const rows = [row('10斤装', '广西'), row('5斤装', '海南'), row('10斤装', '海南'), row('5斤装', '广西')];
    expect(matrixProblems([size, origin], rows)).toEqual([]);
    expect(matrixProblems([], [row()])).toEqual([]);
  });

  it('names the missing combinations', () => {
    const problems = matrixProblems([size, origin], [row('5斤装', '海南'), row('5斤装', '广西')]);
    expect(problems).toEqual([{ field: 'skus', errors: ['缺少规格组合：10斤装 / 海南、10斤装 / 广西'] }]);
  });

  it('flags duplicates, unknown values and wrong arity on the row', () => {
    const rows = [row('5斤装', '海南'), row('5斤装', '海南'), row('8斤装', '海南'), row('5斤装')];
    expect(matrixProblems([size, origin], rows)).toEqual([
      { field: 'skus.1', errors: ['规格组合「5斤装 / 海南」重复'] },
      { field: 'skus.2', errors: ['「8斤装」不是规格「规格」的值'] },
      { field: 'skus.3', errors: ['规格值个数应为 2 个'] },
    ]);
  });

  it('wants a row even for a product without dimensions', () => {
    expect(matrixProblems([], [])).toEqual([{ field: 'skus', errors: ['缺少规格组合：默认'] }]);
  });
});

describe('planSkuChanges', () => {
  const existing = [
    { id: 1, specValues: ['5斤装', '海南'], status: 'active' as const },
    { id: 2, specValues: ['5斤装', '广西'], status: 'active' as const },
    { id: 3, specValues: ['10斤装', '海南'], status: 'disabled' as const },
  ];

  it('updates matches, creates new combinations and disables dropped ones', () => {
    const rows = [row('5斤装', '海南'), row('10斤装', '海南'), row('10斤装', '广西')];
    const plan = planSkuChanges(rows, existing);
    expect(plan.update).toEqual([
      { id: 1, row: rows[0] },
      { id: 3, row: rows[1] }, // a disabled SKU whose combination came back is reused
    ]);
    expect(plan.create).toEqual([rows[2]]);
    expect(plan.disable).toEqual([2]);
  });

  it('does not disable an already disabled SKU again', () => {
    const plan = planSkuChanges([row('5斤装', '海南'), row('5斤装', '广西')], existing);
    expect(plan.disable).toEqual([]);
    expect(plan.create).toEqual([]);
  });

  it('replaces everything when dimensions are introduced', () => {
    const plan = planSkuChanges([row('大'), row('小')], [{ id: 9, specValues: [], status: 'active' }]);
    expect(plan.create).toHaveLength(2);
    expect(plan.disable).toEqual([9]);
  });
});
