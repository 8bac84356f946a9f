import { admitBatch, type OrderDemand } from './batch-admission';

const one = (itemId: number, skuId: number, quantity = 1): OrderDemand => ({
  items: [{ itemId, quantity }],
  stock: [{ skuId, quantity }],
});

describe('admitBatch', () => {
  it('admits in arrival order until the stock runs out, then refuses with what is left', () => {
    const result = admitBatch(
      [one(1, 10, 2), one(1, 10, 2), one(1, 10, 2)],
      [{ itemId: 1, soldQuantity: 0, stockCap: null }],
      [{ skuId: 10, stock: 5, reserved: 1 }],
    );
    expect(result.orders).toEqual([
      { admitted: true, steps: [{ skuId: 10, quantity: 2, stockAfter: 3, reservedAfter: 3 }] },
      { admitted: true, steps: [{ skuId: 10, quantity: 2, stockAfter: 1, reservedAfter: 5 }] },
      { admitted: false, reason: 'stock', skuId: 10, left: 1 },
    ]);
    expect(result.skus.get(10)).toEqual({ skuId: 10, stock: 1, reserved: 5 });
    expect(result.items.get(1)?.soldQuantity).toBe(4);
  });

  it('lets a later smaller order take what an earlier larger one could not', () => {
    const result = admitBatch(
      [one(1, 10, 3), one(1, 10, 1)],
      [{ itemId: 1, soldQuantity: 0, stockCap: null }],
      [{ skuId: 10, stock: 2, reserved: 0 }],
    );
    expect(result.orders.map((o) => o.admitted)).toEqual([false, true]);
  });

  it('applies the campaign cap before the stock', () => {
    const result = admitBatch(
      [one(1, 10), one(1, 10), one(1, 10)],
      [{ itemId: 1, soldQuantity: 8, stockCap: 10 }],
      [{ skuId: 10, stock: 100, reserved: 0 }],
    );
    expect(result.orders.map((o) => (o.admitted ? 'ok' : o.reason))).toEqual(['ok', 'ok', 'cap']);
    expect(result.orders[2]).toEqual({ admitted: false, reason: 'cap', itemId: 1, left: 0 });
    expect(result.skus.get(10)?.stock).toBe(98);
  });

  it('takes an order whole or not at all across several SKUs (a bundle’s components)', () => {
    const bundle: OrderDemand = {
      items: [{ itemId: 1, quantity: 1 }],
      stock: [
        { skuId: 10, quantity: 1 },
        { skuId: 11, quantity: 2 },
      ],
    };
    const result = admitBatch(
      [bundle, bundle],
      [{ itemId: 1, soldQuantity: 0, stockCap: null }],
      [
        { skuId: 10, stock: 5, reserved: 0 },
        { skuId: 11, stock: 3, reserved: 0 },
      ],
    );
    expect(result.orders[0].admitted).toBe(true);
    expect(result.orders[1]).toEqual({ admitted: false, reason: 'stock', skuId: 11, left: 1 });
    // The refused order took nothing from SKU 10 either.
    expect(result.skus.get(10)).toEqual({ skuId: 10, stock: 4, reserved: 1 });
  });

  it('adds up repeated lines of one order before checking', () => {
    const result = admitBatch(
      [
        {
          items: [
            { itemId: 1, quantity: 1 },
            { itemId: 1, quantity: 1 },
          ],
          stock: [
            { skuId: 10, quantity: 1 },
            { skuId: 10, quantity: 1 },
          ],
        },
      ],
      [{ itemId: 1, soldQuantity: 0, stockCap: 1 }],
      [{ skuId: 10, stock: 5, reserved: 0 }],
    );
    expect(result.orders[0]).toEqual({ admitted: false, reason: 'cap', itemId: 1, left: 1 });
  });

  it('refuses an item or SKU it was not given counters for', () => {
    const result = admitBatch([one(2, 20)], [], []);
    expect(result.orders[0]).toEqual({ admitted: false, reason: 'cap', itemId: 2, left: 0 });
  });

  it('the counters after the batch equal the start minus every admitted step', () => {
    const demands = Array.from({ length: 50 }, (_, i) => one(1, 10, 1 + (i % 3)));
    const result = admitBatch(
      demands,
      [{ itemId: 1, soldQuantity: 0, stockCap: 60 }],
      [{ skuId: 10, stock: 80, reserved: 0 }],
    );
    const taken = result.orders
      .flatMap((o) => (o.admitted ? o.steps : []))
      .reduce((n, s) => n + s.quantity, 0);
    expect(taken).toBeLessThanOrEqual(60);
    expect(result.skus.get(10)).toEqual({ skuId: 10, stock: 80 - taken, reserved: taken });
    expect(result.items.get(1)?.soldQuantity).toBe(taken);
  });
});
