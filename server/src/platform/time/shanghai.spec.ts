import { addDays, shanghaiDate, shanghaiTime } from './shanghai';

describe('Shanghai calendar helpers', () => {
  it('computes the Shanghai date across the UTC day boundary', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(shanghaiDate(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
  });

  it('builds a Shanghai wall-clock instant', () => {
    expect(shanghaiTime('2026-03-01', 22).toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(shanghaiTime('2026-03-01', 6, 30).toISOString()).toBe('2026-02-28T22:30:00.000Z');
    // 02:00 Shanghai is 18:00 UTC the day before.
    expect(shanghaiTime('2026-03-02', 2).toISOString()).toBe('2026-03-01T18:00:00.000Z');
  });

  it('adds days across month ends and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 2)).toBe('2027-01-02');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
