import { isCalendarDate, periodRange, previousMonth, shanghaiMonth } from './periods';

describe('statement periods (Asia/Shanghai)', () => {
  it.each([
    ['day', '2026-12-07', '2026-12-07', '2026-12-07', '2026-12-06T16:00:00.000Z', '2026-12-07T16:00:00.000Z'],
    // 2026-12-09 is a Wednesday: its week runs Monday 7th to Sunday 13th.
    [
      'week',
      '2026-12-09',
      '2026-12-07',
      '2026-12-13',
      '2026-12-06T16:00:00.000Z',
      '2026-12-13T16:00:00.000Z',
    ],
    // A Sunday belongs to the week that started the Monday before.
    [
      'week',
      '2026-12-13',
      '2026-12-07',
      '2026-12-13',
      '2026-12-06T16:00:00.000Z',
      '2026-12-13T16:00:00.000Z',
    ],
    // A week across the new year.
    [
      'week',
      '2027-01-01',
      '2026-12-28',
      '2027-01-03',
      '2026-12-27T16:00:00.000Z',
      '2027-01-03T16:00:00.000Z',
    ],
    [
      'month',
      '2026-12-31',
      '2026-12-01',
      '2026-12-31',
      '2026-11-30T16:00:00.000Z',
      '2026-12-31T16:00:00.000Z',
    ],
    [
      'month',
      '2028-02-10',
      '2028-02-01',
      '2028-02-29',
      '2028-01-31T16:00:00.000Z',
      '2028-02-29T16:00:00.000Z',
    ],
  ] as const)('%s of %s runs %s to %s', (period, date, from, to, start, end) => {
    const range = periodRange(period, date);
    expect(range).toEqual({ from, to, start: new Date(start), end: new Date(end) });
  });

  it('refuses what is not a calendar date', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(() => periodRange('day', '2026-13-01')).toThrow(RangeError);
  });

  it('names Shanghai months, an instant just after midnight belonging to the new month', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59.999Z'))).toBe('2026-11');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-12')).toBe('2026-11');
  });
});
