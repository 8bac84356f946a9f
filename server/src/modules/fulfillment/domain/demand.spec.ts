import {
  aggregateDemand,
  byPickupPoint,
  pickTotals,
  planPurchases,
  purchaseQuantity,
  routeStopProblems,
  sumQuantity,
  type DemandOrder,
} from './demand';

// SKU 1 and 2 are standard; SKU 9 is a bundle of 2 × SKU 1 + 1 × SKU 2.
const orders: DemandOrder[] = [
  {
    id: 1,
    orderNo: 'A1',
    leaderId: 10,
    lines: [{ skuId: 1, quantity: 3 }],
    stockLines: [{ skuId: 1, quantity: 3 }],
  },
  {
    id: 2,
    orderNo: 'A2',
    leaderId: 10,
    lines: [{ skuId: 9, quantity: 2 }],
    stockLines: [
      { skuId: 1, quantity: 4 },
      { skuId: 2, quantity: 2 },
    ],
  },
  {
    id: 3,
    orderNo: 'A3',
    leaderId: 20,
    // The SKU ordered directly AND inside a bundle: the order reserved them added up.
    lines: [
      { skuId: 1, quantity: 1 },
      { skuId: 9, quantity: 1 },
    ],
    stockLines: [
      { skuId: 1, quantity: 3 },
      { skuId: 2, quantity: 1 },
    ],
  },
];

describe('aggregateDemand', () => {
  it('counts bundles as their components and tells direct from bundle units', () => {
    expect(aggregateDemand(orders)).toEqual([
      { skuId: 1, quantity: 10, directQuantity: 4, bundleQuantity: 6, orderCount: 3 },
      { skuId: 2, quantity: 3, directQuantity: 0, bundleQuantity: 3, orderCount: 2 },
    ]);
  });

  it('uses the recipe the order reserved, not a bundle line', () => {
    const [only] = aggregateDemand([orders[1]]);
    expect(only).toMatchObject({ skuId: 1, quantity: 4, bundleQuantity: 4 });
  });

  it('is empty without orders', () => {
    expect(aggregateDemand([])).toEqual([]);
  });
});

describe('purchaseQuantity', () => {
  it.each([
    [10, 0, 10],
    [10, 4, 6],
    [10, 10, 0],
    [10, 25, 0],
    [10, -3, 10],
    [0, 5, 0],
  ])('demand %i with %i in stock → buy %i', (demand, stock, expected) => {
    expect(purchaseQuantity(demand, stock)).toBe(expected);
  });
});

describe('planPurchases', () => {
  it('groups what to buy by supplier and leaves covered SKUs out', () => {
    const demand = aggregateDemand(orders);
    const plan = planPurchases(
      demand,
      new Map([
        [1, { supplierKey: 7, stock: 4, unitCost: 250 }],
        [2, { supplierKey: 0, stock: 3, unitCost: 100 }],
      ]),
    );
    expect([...plan.keys()]).toEqual([7]);
    expect(plan.get(7)).toEqual([
      { skuId: 1, supplierKey: 7, demandQuantity: 10, stockQuantity: 4, suggestedQuantity: 6, unitCost: 250 },
    ]);
  });
});

describe('pickTotals', () => {
  it('per point: totals equal the sum of the orders’ stock lines, with the orders behind them', () => {
    const points = byPickupPoint(orders);
    const first = pickTotals(points.get(10)!);
    expect(first).toEqual([
      {
        skuId: 1,
        quantity: 7,
        orders: [
          { orderId: 1, orderNo: 'A1', quantity: 3 },
          { orderId: 2, orderNo: 'A2', quantity: 4 },
        ],
      },
      { skuId: 2, quantity: 2, orders: [{ orderId: 2, orderNo: 'A2', quantity: 2 }] },
    ]);
    const all = [...points.values()].flatMap((group) => pickTotals(group));
    expect(sumQuantity(all)).toBe(sumQuantity(orders.flatMap((o) => o.stockLines)));
    expect(sumQuantity(pickTotals(orders))).toBe(13);
  });
});

describe('routeStopProblems', () => {
  it('refuses empty, oversized and repeated stops', () => {
    expect(routeStopProblems([1, 2], 5)).toEqual([]);
    expect(routeStopProblems([], 5)).toHaveLength(1);
    expect(routeStopProblems([1, 2, 3], 2)).toHaveLength(1);
    expect(routeStopProblems([1, 2, 1], 5)).toEqual(['同一个自提点不能在线路中出现两次']);
  });
});
