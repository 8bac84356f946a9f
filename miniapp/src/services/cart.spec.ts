import {
  addLine,
  adoptUnboundLines,
  cart,
  cartKeyOf,
  encodeLines,
  fixedQuantity,
  groupByCampaign,
  MAX_LINES_PER_CAMPAIGN,
  parseBook,
  parseLines,
  previewLineMax,
  quantityOf,
  removeLines,
  setLineQuantity,
  totalQuantity,
  type CartLine,
} from './cart';

// Taro storage as a plain map: the store half of the module runs against it.
const mockStorage = new Map<string, unknown>();
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => mockStorage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => mockStorage.set(key, value),
    removeStorageSync: (key: string) => mockStorage.delete(key),
  },
}));

const line = (campaignId: number, itemId: number, quantity: number): CartLine => ({
  campaignId,
  itemId,
  quantity,
});

describe('addLine', () => {
  test('a new item goes first; an existing one grows', () => {
    let lines = addLine([], line(1, 10, 1)).lines;
    lines = addLine(lines, line(1, 11, 2)).lines;
    expect(lines).toEqual([line(1, 11, 2), line(1, 10, 1)]);
    const result = addLine(lines, line(1, 10, 2));
    expect(result.added).toBe(2);
    expect(quantityOf(result.lines, 1, 10)).toBe(3);
    expect(result.lines.map((l) => l.itemId)).toEqual([11, 10]);
  });

  test('stops at max in total (限购 / what is left) and says how many were added', () => {
    const first = addLine([], line(1, 10, 2), 3);
    expect(first.added).toBe(2);
    const second = addLine(first.lines, line(1, 10, 2), 3);
    expect(second.added).toBe(1);
    expect(quantityOf(second.lines, 1, 10)).toBe(3);
    const third = addLine(second.lines, line(1, 10, 1), 3);
    expect(third.added).toBe(0);
    expect(third.lines).toBe(second.lines);
  });

  test('nothing is added when nothing may be taken (sold out) or the order would exceed 50 lines', () => {
    expect(addLine([], line(1, 10, 1), 0)).toEqual({ lines: [], added: 0 });
    const full = Array.from({ length: MAX_LINES_PER_CAMPAIGN }, (_, i) => line(1, i + 1, 1));
    expect(addLine(full, line(1, 999, 1)).added).toBe(0);
    // Another campaign is another order.
    expect(addLine(full, line(2, 999, 1)).added).toBe(1);
  });

  test('never beyond the server bound of 999', () => {
    expect(addLine([], line(1, 10, 5000)).lines[0].quantity).toBe(999);
  });
});

describe('setLineQuantity and removeLines', () => {
  test('sets, removes at 0, adds when absent', () => {
    const lines = [line(1, 10, 1), line(2, 20, 1)];
    expect(setLineQuantity(lines, line(1, 10, 4))).toEqual([line(1, 10, 4), line(2, 20, 1)]);
    expect(setLineQuantity(lines, line(1, 10, 0))).toEqual([line(2, 20, 1)]);
    expect(setLineQuantity(lines, line(3, 30, 2))).toEqual([line(3, 30, 2), ...lines]);
  });

  test('removes exactly the given campaign items', () => {
    const lines = [line(1, 10, 1), line(2, 10, 1), line(1, 11, 1)];
    expect(removeLines(lines, [{ campaignId: 1, itemId: 10 }])).toEqual([line(2, 10, 1), line(1, 11, 1)]);
  });
});

test('groupByCampaign keeps the order campaigns first appear in', () => {
  const groups = groupByCampaign([line(2, 20, 1), line(1, 10, 1), line(2, 21, 3)]);
  expect(groups).toEqual([
    { campaignId: 2, lines: [line(2, 20, 1), line(2, 21, 3)] },
    { campaignId: 1, lines: [line(1, 10, 1)] },
  ]);
  expect(totalQuantity(groups[0].lines)).toBe(4);
});

describe('parseBook', () => {
  test('drops malformed carts and lines, merges duplicates, caps quantities', () => {
    const raw = JSON.stringify({
      'm7/leader-1': [
        line(1, 10, 2),
        line(1, 10, 5),
        { campaignId: 'x', itemId: 1, quantity: 1 },
        line(1, 11, 0),
        line(1, 12, 4000),
      ],
      'm7/leader-2': 'junk',
      'm7/leader-3': [],
    });
    expect(parseBook(raw)).toEqual({ 'm7/leader-1': [line(1, 10, 2), line(1, 12, 999)] });
  });

  test('unreadable mockStorage is an empty book', () => {
    expect(parseBook('')).toEqual({});
    expect(parseBook('{not json')).toEqual({});
    expect(parseBook([line(1, 1, 1)])).toEqual({});
  });
});

test('adoptUnboundLines moves lines chosen before a leader into that leader’s cart', () => {
  const other = [line(1, 12, 1)];
  const book = {
    'm7/none': [line(1, 10, 2)],
    'm7/leader-1': [line(1, 10, 1), line(1, 11, 1)],
    'm8/none': other,
  };
  expect(adoptUnboundLines(book, { memberId: 7, leaderId: 1 })).toEqual({
    'm7/leader-1': [line(1, 10, 3), line(1, 11, 1)],
    'm8/none': other,
  });
  expect(adoptUnboundLines(book, { memberId: 7, leaderId: null })).toBe(book);
  const empty = { 'm7/leader-1': [line(1, 10, 1)] };
  expect(adoptUnboundLines(empty, { memberId: 7, leaderId: 1 })).toBe(empty);
});

describe('line queries for the checkout page', () => {
  test('round trip', () => {
    const lines = [
      { itemId: 4, quantity: 1 },
      { itemId: 12, quantity: 3 },
    ];
    expect(encodeLines(lines)).toBe('4x1,12x3');
    expect(parseLines('4x1,12x3')).toEqual(lines);
    expect(parseLines(encodeURIComponent('4x1,12x3'))).toEqual(lines);
  });

  test('malformed, empty, zero or repeated lines are refused', () => {
    for (const text of [undefined, '', '4', '4x0', '0x1', '4x1,4x2', 'ax1', '4x1000', '4x1,']) {
      expect(parseLines(text)).toBeNull();
    }
  });
});

describe('the cart store', () => {
  const signInBoundTo = (leaderId: number | null, memberId = 7) =>
    mockStorage.set(
      'linli.member',
      JSON.stringify({ id: memberId, currentLeader: leaderId ? { id: leaderId, name: '王丽华' } : null }),
    );

  beforeEach(() => mockStorage.clear());

  test('keeps one cart per leader and tells subscribers about changes', () => {
    signInBoundTo(1);
    const seen: number[] = [];
    const unsubscribe = cart.subscribe((lines) => seen.push(totalQuantity(lines)));
    expect(cart.add(line(1, 10, 2), 3)).toBe(2);
    expect(cart.add(line(1, 10, 2), 3)).toBe(1);
    cart.setQuantity(line(1, 11, 1));
    expect(cart.lines()).toEqual([line(1, 11, 1), line(1, 10, 3)]);

    signInBoundTo(2);
    expect(cart.lines()).toEqual([]);
    // Another member on the same phone, same leader: their own cart.
    signInBoundTo(1, 8);
    expect(cart.lines()).toEqual([]);
    signInBoundTo(1);
    cart.remove([{ campaignId: 1, itemId: 10 }]);
    expect(cart.lines()).toEqual([line(1, 11, 1)]);
    unsubscribe();
    cart.remove([{ campaignId: 1, itemId: 11 }]);
    expect(seen).toEqual([2, 3, 4, 1]);
    expect(parseBook(mockStorage.get('linli.cart'))).toEqual({});
  });

  test('lines added before choosing a pickup point follow the buyer to their leader', () => {
    signInBoundTo(null);
    cart.add(line(1, 10, 1));
    signInBoundTo(3);
    expect(cart.lines()).toEqual([line(1, 10, 1)]);
    expect(Object.keys(parseBook(mockStorage.get('linli.cart')))).toEqual(['m7/leader-3']);
  });
});

test('cartKeyOf', () => {
  expect(cartKeyOf({ memberId: 7, leaderId: 5 })).toBe('m7/leader-5');
  expect(cartKeyOf({ memberId: 7, leaderId: null })).toBe('m7/none');
  expect(cartKeyOf({ memberId: null, leaderId: null })).toBe('guest/none');
});

describe('priced lines', () => {
  const priced = (remaining: number, limitLeft: number | null, kind: string | null) => ({
    remaining,
    limitLeft,
    problem: kind ? { kind: kind as 'over_limit', message: '' } : null,
  });

  test('the most one may take is what is left within what 限购 still allows', () => {
    expect(previewLineMax(priced(8, 1, null))).toBe(1);
    expect(previewLineMax(priced(3, null, null))).toBe(3);
    expect(previewLineMax(priced(0, 2, null))).toBe(0);
    expect(previewLineMax(priced(5000, null, null))).toBe(999);
  });

  test('quantity problems can be fixed by lowering; others cannot', () => {
    expect(fixedQuantity(priced(8, 1, 'over_limit'))).toBe(1);
    expect(fixedQuantity(priced(2, null, 'insufficient_stock'))).toBe(2);
    expect(fixedQuantity(priced(8, 0, 'over_limit'))).toBeNull();
    expect(fixedQuantity(priced(0, null, 'sold_out'))).toBeNull();
    expect(fixedQuantity(priced(8, null, 'not_sellable'))).toBeNull();
    expect(fixedQuantity(priced(8, null, null))).toBeNull();
  });
});
