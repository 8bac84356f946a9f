import {
  currentPeriodWord,
  hasNextPeriod,
  isDateKey,
  periodLabel,
  periodRange,
  shiftPeriod,
} from './statement-period';

// 2026-11-25 is a Wednesday.
const today = '2026-11-25';

test('isDateKey accepts real calendar dates only', () => {
  expect(isDateKey('2026-11-25')).toBe(true);
  expect(isDateKey('2028-02-29')).toBe(true);
  expect(isDateKey('2026-02-29')).toBe(false);
  expect(isDateKey('2026-13-01')).toBe(false);
  expect(isDateKey('26-11-25')).toBe(false);
  expect(isDateKey(undefined)).toBe(false);
});

describe('periodRange', () => {
  it('weeks run Monday to Sunday', () => {
    expect(periodRange('week', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('week', '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // A Sunday belongs to the week that began six days before.
    expect(periodRange('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('months run to their last day', () => {
    expect(periodRange('month', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('day', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
  });
});

describe('shiftPeriod', () => {
  it('steps days and weeks', () => {
    expect(shiftPeriod('day', '2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftPeriod('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftPeriod('week', '2026-11-25', -1)).toBe('2026-11-16');
    expect(shiftPeriod('week', '2026-11-25', 1)).toBe('2026-11-30');
  });

  it('steps months from their first day, so the 31st never skips a month', () => {
    expect(shiftPeriod('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftPeriod('month', '2026-03-31', -1)).toBe('2026-02-01');
    expect(shiftPeriod('month', '2026-01-15', -1)).toBe('2025-12-01');
    expect(shiftPeriod('month', '2026-12-15', 1)).toBe('2027-01-01');
  });
});

test('hasNextPeriod stops at the period holding today', () => {
  expect(hasNextPeriod('day', today, today)).toBe(false);
  expect(hasNextPeriod('day', '2026-11-24', today)).toBe(true);
  expect(hasNextPeriod('week', '2026-11-23', today)).toBe(false);
  expect(hasNextPeriod('week', '2026-11-22', today)).toBe(true);
  expect(hasNextPeriod('month', '2026-11-01', today)).toBe(false);
  expect(hasNextPeriod('month', '2026-10-31', today)).toBe(true);
});

test('periodLabel names the period, with the year only when it differs', () => {
  expect(periodLabel('day', today, today)).toBe('11月25日 周三');
  expect(periodLabel('week', today, today)).toBe('11月23日–11月29日');
  expect(periodLabel('week', '2026-12-30', today)).toBe('12月28日–2027年1月3日');
  expect(periodLabel('month', '2025-12-03', today)).toBe('2025年12月');
  expect(periodLabel('day', '2025-12-03', today)).toBe('2025年12月3日 周三');
});

test('currentPeriodWord marks the period holding today', () => {
  expect(currentPeriodWord('day', today, today)).toBe('今天');
  expect(currentPeriodWord('week', '2026-11-23', today)).toBe('本周');
  expect(currentPeriodWord('month', '2026-11-01', today)).toBe('本月');
  expect(currentPeriodWord('month', '2026-10-31', today)).toBeNull();
});
