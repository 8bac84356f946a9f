import { bundleAvailability, bundleProblems, type ComponentFacts } from './bundle-rules';

const facts = new Map<number, ComponentFacts>([
  [1, { productKind: 'standard', productStatus: 'on_sale', status: 'active' }],
  [2, { productKind: 'standard', productStatus: 'off_sale', status: 'active' }],
  [3, { productKind: 'bundle', productStatus: 'on_sale', status: 'active' }],
  [4, { productKind: 'standard', productStatus: 'on_sale', status: 'disabled' }],
  [5, { productKind: 'standard', productStatus: 'draft', status: 'active' }],
]);

describe('bundleProblems', () => {
  it('accepts A+B and 2×A', () => {
    expect(
      bundleProblems(
        [
          { skuId: 1, quantity: 1 },
          { skuId: 2, quantity: 1 },
        ],
        facts,
      ),
    ).toEqual([]);
    expect(bundleProblems([{ skuId: 1, quantity: 2 }], facts)).toEqual([]);
  });

  it('needs at least two units', () => {
    expect(bundleProblems([{ skuId: 1, quantity: 1 }], facts)).toEqual([
      { field: 'components', errors: ['组合套餐至少包含 2 件商品'] },
    ]);
    expect(bundleProblems([], facts)).toEqual([
      { field: 'components', errors: ['组合套餐至少包含 2 件商品'] },
    ]);
  });

  it('refuses nested bundles, itself, disabled, unknown and repeated SKUs', () => {
    const problems = bundleProblems(
      [
        { skuId: 3, quantity: 1 },
        { skuId: 9, quantity: 1 },
        { skuId: 4, quantity: 1 },
        { skuId: 7, quantity: 1 },
        { skuId: 1, quantity: 1 },
        { skuId: 1, quantity: 1 },
      ],
      facts,
      7,
    );
    expect(problems).toEqual([
      { field: 'components.0', errors: ['组合套餐不能再包含组合套餐'] },
      { field: 'components.1', errors: ['商品规格不存在'] },
      { field: 'components.2', errors: ['该规格已停用'] },
      { field: 'components.3', errors: ['组合套餐不能包含自己'] },
      { field: 'components.5', errors: ['同一规格只能添加一次，请修改数量'] },
    ]);
  });

  it('refuses SKUs of draft products', () => {
    expect(
      bundleProblems(
        [
          { skuId: 5, quantity: 1 },
          { skuId: 1, quantity: 1 },
        ],
        facts,
      ),
    ).toEqual([{ field: 'components.0', errors: ['草稿商品不能加入组合套餐，请先上架该商品'] }]);
  });

  it('bounds quantities to 1–99', () => {
    const problems = bundleProblems(
      [
        { skuId: 1, quantity: 0 },
        { skuId: 2, quantity: 100 },
      ],
      facts,
    );
    expect(problems.map((p) => p.field)).toEqual(['components.0', 'components.1']);
  });
});

describe('bundleAvailability', () => {
  it('is the minimum over components of floor(stock / quantity)', () => {
    expect(
      bundleAvailability([
        { quantity: 1, stock: 10, status: 'active', productStatus: 'on_sale' },
        { quantity: 2, stock: 9, status: 'active', productStatus: 'on_sale' },
      ]),
    ).toBe(4);
    expect(bundleAvailability([{ quantity: 3, stock: 2, status: 'active', productStatus: 'on_sale' }])).toBe(
      0,
    );
  });

  it('is 0 when a component is disabled, or there are none', () => {
    expect(
      bundleAvailability([
        { quantity: 1, stock: 10, status: 'active', productStatus: 'on_sale' },
        { quantity: 1, stock: 10, status: 'disabled', productStatus: 'on_sale' },
      ]),
    ).toBe(0);
    expect(bundleAvailability([])).toBe(0);
  });

  it('is 0 when the product of a component is not on sale', () => {
    for (const productStatus of ['draft', 'off_sale'] as const) {
      expect(
        bundleAvailability([
          { quantity: 1, stock: 10, status: 'active', productStatus: 'on_sale' },
          { quantity: 1, stock: 10, status: 'active', productStatus },
        ]),
      ).toBe(0);
    }
  });
});
