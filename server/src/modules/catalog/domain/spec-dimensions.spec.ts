import { dimensionProblems, normalizeDimensions } from './spec-dimensions';

const values = (n: number) => Array.from({ length: n }, (_, i) => `值${i}`);

describe('dimensionProblems', () => {
  it('accepts up to three well-formed dimensions and none at all', () => {
    expect(dimensionProblems([])).toEqual([]);
    expect(
      dimensionProblems([
        { name: '规格', values: ['5斤装', '10斤装'] },
        { name: '产地', values: ['海南', '广西'] },
        { name: '包装', values: ['礼盒'] },
      ]),
    ).toEqual([]);
  });

  it('refuses a fourth dimension', () => {
    const four = ['甲', '乙', '丙', '丁'].map((name) => ({ name, values: ['a'] }));
    expect(dimensionProblems(four)).toEqual([{ field: 'specDimensions', errors: ['规格维度最多 3 个'] }]);
  });

  it('refuses duplicate names and values (after trimming) and bad lengths', () => {
    expect(
      dimensionProblems([
        { name: '规格', values: ['大', ' 大 ', ''] },
        { name: ' 规格', values: [] },
        { name: '一二三四五六七八九', values: ['x'.repeat(17)] },
      ]),
    ).toEqual([
      { field: 'specDimensions.0', errors: ['规格值「大」重复', '规格值需为 1–16 个字'] },
      { field: 'specDimensions.1', errors: ['规格名「规格」重复', '每个规格需有 1–20 个规格值'] },
      { field: 'specDimensions.2', errors: ['规格名需为 1–8 个字', '规格值需为 1–16 个字'] },
    ]);
  });

  it('caps the matrix at 200 combinations', () => {
    const ok = [
      { name: 'a', values: values(20) },
      { name: 'b', values: values(10) },
    ];
    expect(dimensionProblems(ok)).toEqual([]);
    const tooMany = [...ok, { name: 'c', values: values(2) }];
    expect(dimensionProblems(tooMany)).toEqual([
      { field: 'specDimensions', errors: ['规格组合最多 200 个，当前 400 个'] },
    ]);
  });

  it('caps values per dimension at 20', () => {
    expect(dimensionProblems([{ name: 'a', values: values(21) }])[0].errors).toContain(
      '每个规格需有 1–20 个规格值',
    );
  });
});

describe('normalizeDimensions', () => {
  it('trims names and values', () => {
    expect(normalizeDimensions([{ name: ' 规格 ', values: [' 5斤装'] }])).toEqual([
      { name: '规格', values: ['5斤装'] },
    ]);
  });
});
