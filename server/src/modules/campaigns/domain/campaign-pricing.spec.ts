import {
  priceCampaignLines,
  remainingOf,
  type CartLine,
  type LineProblemKind,
  type PricingItem,
} from './campaign-pricing';

const campaign = {
  status: 'live' as const,
  startAt: new Date('2026-03-01T00:00:00Z'),
  cutoffAt: new Date('2026-03-02T14:00:00Z'),
  endAt: new Date('2026-03-03T00:00:00Z'),
};
const now = new Date('2026-03-02T00:00:00Z');
const apple: PricingItem = {
  itemId: 1,
  skuId: 11,
  groupPrice: 1990,
  perMemberLimit: 3,
  stockCap: null,
  soldQuantity: 0,
  available: 50,
  sellable: true,
};
const eggs: PricingItem = {
  ...apple,
  itemId: 2,
  skuId: 12,
  groupPrice: 1290,
  perMemberLimit: 0,
  stockCap: 20,
  soldQuantity: 18,
};
const items = [apple, eggs];

describe('remainingOf', () => {
  const cases: Array<[string, Pick<PricingItem, 'stockCap' | 'soldQuantity' | 'available'>, number]> = [
    ['uncapped: the stock', { stockCap: null, soldQuantity: 5, available: 12 }, 12],
    ['cap above stock: the stock', { stockCap: 100, soldQuantity: 5, available: 12 }, 12],
    ['cap below stock: what the cap leaves', { stockCap: 10, soldQuantity: 7, available: 12 }, 3],
    ['cap used up', { stockCap: 10, soldQuantity: 10, available: 12 }, 0],
    ['oversold cap never goes negative', { stockCap: 10, soldQuantity: 11, available: 12 }, 0],
    ['no stock', { stockCap: null, soldQuantity: 0, available: 0 }, 0],
  ];
  it.each(cases)('%s', (_label, item, remaining) => expect(remainingOf(item)).toBe(remaining));
});

describe('priceCampaignLines', () => {
  const price = (lines: CartLine[], prior: Array<[number, number]> = [], at = now, c = campaign) =>
    priceCampaignLines({ campaign: c, now: at, items, lines, priorQuantities: new Map(prior) });

  it('prices lines at the group price, in fen', () => {
    const result = price([
      { itemId: 1, quantity: 2 },
      { itemId: 2, quantity: 1 },
    ]);
    expect(result).toEqual({
      closed: null,
      ok: true,
      problems: [],
      total: 2 * 1990 + 1290,
      lines: [
        { itemId: 1, skuId: 11, quantity: 2, unitPrice: 1990, lineTotal: 3980 },
        { itemId: 2, skuId: 12, quantity: 1, unitPrice: 1290, lineTotal: 1290 },
      ],
    });
  });

  const problems: Array<[string, CartLine[], Array<[number, number]>, LineProblemKind[]]> = [
    ['zero quantity', [{ itemId: 1, quantity: 0 }], [], ['quantity_invalid']],
    ['fractional quantity', [{ itemId: 1, quantity: 1.5 }], [], ['quantity_invalid']],
    ['an item of another campaign', [{ itemId: 99, quantity: 1 }], [], ['item_unknown']],
    ['within the limit', [{ itemId: 1, quantity: 3 }], [], []],
    ['over the limit', [{ itemId: 1, quantity: 4 }], [], ['over_limit']],
    ['over the limit counting earlier orders', [{ itemId: 1, quantity: 2 }], [[1, 2]], ['over_limit']],
    ['up to the limit counting earlier orders', [{ itemId: 1, quantity: 1 }], [[1, 2]], []],
    ['limit already used up', [{ itemId: 1, quantity: 1 }], [[1, 3]], ['over_limit']],
    [
      'repeated lines add up against the limit',
      [
        { itemId: 1, quantity: 2 },
        { itemId: 1, quantity: 2 },
      ],
      [],
      ['over_limit'],
    ],
    ['what the cap leaves', [{ itemId: 2, quantity: 2 }], [], []],
    ['beyond what the cap leaves', [{ itemId: 2, quantity: 3 }], [], ['insufficient_stock']],
  ];
  it.each(problems)('%s', (_label, lines, prior, kinds) => {
    const result = price(lines, prior);
    expect(result.problems.map((p) => p.kind)).toEqual(kinds);
    expect(result.ok).toBe(kinds.length === 0);
  });

  it('reports sold-out and off-sale items', () => {
    const result = priceCampaignLines({
      campaign,
      now,
      items: [
        { ...apple, available: 0 },
        { ...eggs, sellable: false },
      ],
      lines: [
        { itemId: 1, quantity: 1 },
        { itemId: 2, quantity: 1 },
      ],
    });
    expect(result.problems).toEqual([
      { index: 0, itemId: 1, kind: 'sold_out', message: '已抢光' },
      { index: 1, itemId: 2, kind: 'not_sellable', message: '该商品已下架' },
    ]);
  });

  it('explains the limit in the message', () => {
    expect(price([{ itemId: 1, quantity: 3 }], [[1, 1]]).problems[0].message).toBe(
      '每人限购 3 件，您还可购买 2 件',
    );
    expect(price([{ itemId: 1, quantity: 1 }], [[1, 3]]).problems[0].message).toBe('每人限购 3 件，您已买满');
  });

  const closed: Array<[string, Date, typeof campaign, string | null]> = [
    ['before the start', new Date('2026-02-28T00:00:00Z'), campaign, 'not_started'],
    ['at the start', campaign.startAt, campaign, null],
    ['at the cut-off', campaign.cutoffAt, campaign, 'cut_off'],
    ['after the end', new Date('2026-03-04T00:00:00Z'), campaign, 'not_live'],
    ['a scheduled campaign', now, { ...campaign, status: 'scheduled' as never }, 'not_live'],
  ];
  it.each(closed)('is closed %s', (_label, at, c, reason) => {
    const result = price([{ itemId: 1, quantity: 1 }], [], at, c);
    expect(result.closed).toBe(reason);
    expect(result.ok).toBe(reason === null);
    expect(result.total).toBe(1990);
  });
});
