import { describe, expect, it } from 'vitest';
import { previewAdjustment, shanghaiDayRange, signed } from './service';

describe('previewAdjustment', () => {
  it('adds inbound and returns, subtracts damage', () => {
    expect(previewAdjustment('inbound', 5, 10)).toEqual({ delta: 5, stockAfter: 15, problem: null });
    expect(previewAdjustment('return', 2, 0)).toEqual({ delta: 2, stockAfter: 2, problem: null });
    expect(previewAdjustment('damage', 3, 10)).toEqual({ delta: -3, stockAfter: 7, problem: null });
  });

  it('books the difference of a count, also zero, and a count of nothing', () => {
    expect(previewAdjustment('count', 8, 10)).toEqual({ delta: -2, stockAfter: 8, problem: null });
    expect(previewAdjustment('count', 12, 10)).toEqual({ delta: 2, stockAfter: 12, problem: null });
    expect(previewAdjustment('count', 10, 10)).toEqual({ delta: 0, stockAfter: 10, problem: null });
    expect(previewAdjustment('count', 0, 4)).toEqual({ delta: -4, stockAfter: 0, problem: null });
  });

  it('refuses damage beyond the stock and empty in/out quantities', () => {
    expect(previewAdjustment('damage', 11, 10)?.problem).toBe('报损数量超过可售库存（10）');
    expect(previewAdjustment('inbound', 0, 10)?.problem).toBe('数量至少为 1');
    expect(previewAdjustment('inbound', null, 10)).toBeNull();
    expect(previewAdjustment('inbound', 1.5, 10)).toBeNull();
  });

  it('signs deltas', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '-2', '0']);
  });
});

describe('shanghaiDayRange', () => {
  it('turns plain days into Asia/Shanghai midnights, whatever the browser zone', () => {
    expect(shanghaiDayRange('2026-03-01', '2026-03-02')).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-02T16:00:00.000Z',
    });
    expect(shanghaiDayRange(undefined, '2026-12-31')).toEqual({
      from: undefined,
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(shanghaiDayRange()).toEqual({ from: undefined, to: undefined });
  });
});
