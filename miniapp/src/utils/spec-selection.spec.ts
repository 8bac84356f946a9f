import {
  clampQuantity,
  initialSelection,
  maxQuantity,
  missingDimensions,
  priceRange,
  selectedOption,
  specChips,
  toggleSpec,
  type SpecSelection,
} from './spec-selection';

// 规格 × 产地 where 10斤装/海南 is not offered and 5斤装/广西 is sold out.
const dimensions = [
  { name: '规格', values: ['5斤装', '10斤装'] },
  { name: '产地', values: ['海南', '广西'] },
];
const options = [
  { itemId: 1, specValues: ['5斤装', '海南'], remaining: 10, groupPrice: 1990 },
  { itemId: 2, specValues: ['5斤装', '广西'], remaining: 0, groupPrice: 1790 },
  { itemId: 3, specValues: ['10斤装', '广西'], remaining: 4, groupPrice: 3290 },
];

function disabledOf(selection: SpecSelection): string[][] {
  return specChips(dimensions, options, selection).map((row) =>
    row.filter((chip) => chip.disabled).map((chip) => chip.value),
  );
}

describe('specChips', () => {
  it('with nothing chosen, only values no available option carries are disabled', () => {
    expect(disabledOf([null, null])).toEqual([[], []]);
    const soldOutEverywhere = options.map((o) => ({ ...o, remaining: o.itemId === 1 ? 10 : 0 }));
    const rows = specChips(dimensions, soldOutEverywhere, [null, null]);
    expect(rows[0].find((c) => c.value === '10斤装')?.disabled).toBe(true);
    expect(rows[1].find((c) => c.value === '广西')?.disabled).toBe(true);
  });

  it('greys combinations that are not offered or sold out, given the other choices', () => {
    // 5斤装 chosen: 广西 is sold out in 5斤装.
    expect(disabledOf(['5斤装', null])).toEqual([[], ['广西']]);
    // 海南 chosen: 10斤装/海南 is not offered.
    expect(disabledOf([null, '海南'])).toEqual([['10斤装'], []]);
    // 10斤装 chosen: only 广西 exists.
    expect(disabledOf(['10斤装', null])).toEqual([[], ['海南']]);
  });

  it('marks the chosen chips', () => {
    const rows = specChips(dimensions, options, ['5斤装', '海南']);
    expect(rows[0].map((c) => c.selected)).toEqual([true, false]);
    expect(rows[1].map((c) => c.selected)).toEqual([true, false]);
  });
});

describe('toggleSpec', () => {
  it('chooses, clears on a second tap, and ignores disabled chips', () => {
    let selection: SpecSelection = [null, null];
    selection = toggleSpec(dimensions, options, selection, 0, '10斤装');
    expect(selection).toEqual(['10斤装', null]);
    expect(toggleSpec(dimensions, options, selection, 1, '海南')).toBe(selection);
    selection = toggleSpec(dimensions, options, selection, 1, '广西');
    expect(selection).toEqual(['10斤装', '广西']);
    expect(toggleSpec(dimensions, options, selection, 0, '10斤装')).toEqual([null, '广西']);
  });

  it('ignores unknown dimensions and values', () => {
    const selection: SpecSelection = [null, null];
    expect(toggleSpec(dimensions, options, selection, 5, '5斤装')).toBe(selection);
    expect(toggleSpec(dimensions, options, selection, 0, '20斤装')).toBe(selection);
  });
});

describe('selectedOption / initialSelection / missingDimensions', () => {
  it('finds the option only when every dimension is chosen', () => {
    expect(selectedOption(options, ['10斤装', '广西'])?.itemId).toBe(3);
    expect(selectedOption(options, ['10斤装', null])).toBeNull();
    expect(selectedOption(options, ['10斤装', '海南'])).toBeNull();
  });

  it('a product without dimensions has its single option selected by the empty selection', () => {
    const single = [{ itemId: 9, specValues: [], remaining: 3, groupPrice: 990 }];
    expect(initialSelection([], single)).toEqual([]);
    expect(selectedOption(single, [])?.itemId).toBe(9);
  });

  it('starts on the first option with stock, or leaves everything open', () => {
    const firstSoldOut = [options[1], options[2], options[0]];
    expect(initialSelection(dimensions, firstSoldOut)).toEqual(['10斤装', '广西']);
    const none = options.map((o) => ({ ...o, remaining: 0 }));
    expect(initialSelection(dimensions, none)).toEqual([null, null]);
  });

  it('names the dimensions still to choose', () => {
    expect(missingDimensions(dimensions, ['5斤装', null])).toEqual(['产地']);
    expect(missingDimensions(dimensions, [])).toEqual(['规格', '产地']);
    expect(missingDimensions(dimensions, ['5斤装', '海南'])).toEqual([]);
  });
});

describe('quantity bounds', () => {
  it('is bounded by remaining and by 限购 (0 = no limit)', () => {
    expect(maxQuantity({ remaining: 10, perMemberLimit: 3 })).toBe(3);
    expect(maxQuantity({ remaining: 2, perMemberLimit: 3 })).toBe(2);
    expect(maxQuantity({ remaining: 7, perMemberLimit: 0 })).toBe(7);
    expect(maxQuantity({ remaining: 0, perMemberLimit: 0 })).toBe(0);
    expect(maxQuantity({ remaining: -1, perMemberLimit: 2 })).toBe(0);
  });

  it('clamps the stepper into [1, max]', () => {
    expect(clampQuantity(5, 3)).toBe(3);
    expect(clampQuantity(0, 3)).toBe(1);
    expect(clampQuantity(2.7, 3)).toBe(2);
    expect(clampQuantity(Number.NaN, 3)).toBe(1);
    expect(clampQuantity(4, 0)).toBe(0);
  });
});

describe('priceRange', () => {
  it('spans the group prices, null without options', () => {
    expect(priceRange(options)).toEqual([1790, 3290]);
    expect(priceRange([])).toBeNull();
  });
});
