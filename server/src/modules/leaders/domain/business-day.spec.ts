import { activeSince, nextEvaluation, salesWindowStart } from './business-day';

describe('business days in Asia/Shanghai (calendar helpers: platform/time/shanghai.spec.ts)', () => {
  it('judges on 30 business days ending today', () => {
    expect(salesWindowStart(new Date('2026-03-31T01:00:00Z'))).toBe('2026-03-02');
    // 23:00 UTC on 03-30 is already 03-31 in Shanghai.
    expect(salesWindowStart(new Date('2026-03-30T23:00:00Z'))).toBe('2026-03-02');
    expect(activeSince(new Date('2026-03-31T00:00:00Z')).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('nextEvaluation (02:00 Asia/Shanghai)', () => {
  it('runs later the same Shanghai day when it is before 02:00 there', () => {
    // 01:00 Shanghai on 03-02
    expect(nextEvaluation(new Date('2026-03-01T17:00:00Z'))).toEqual({
      runDate: '2026-03-02',
      at: new Date('2026-03-01T18:00:00Z'),
    });
  });

  it('runs the next day once 02:00 has passed, including exactly at 02:00', () => {
    expect(nextEvaluation(new Date('2026-03-01T18:00:00Z'))).toEqual({
      runDate: '2026-03-03',
      at: new Date('2026-03-02T18:00:00Z'),
    });
    // 10:00 Shanghai on 03-02
    expect(nextEvaluation(new Date('2026-03-02T02:00:00Z')).runDate).toBe('2026-03-03');
  });

  it('handles the Shanghai day starting before UTC midnight', () => {
    // 00:30 Shanghai on 03-02 (still 03-01 in UTC)
    expect(nextEvaluation(new Date('2026-03-01T16:30:00Z')).runDate).toBe('2026-03-02');
  });

  it('never schedules the date of the run that just finished again, even if it started early', () => {
    // the run of 03-02 woke a second early
    const early = new Date('2026-03-01T17:59:59Z');
    expect(nextEvaluation(early).runDate).toBe('2026-03-02');
    expect(nextEvaluation(early, '2026-03-02')).toEqual({
      runDate: '2026-03-03',
      at: new Date('2026-03-02T18:00:00Z'),
    });
  });

  it('after a long outage schedules from now, not from the old run date', () => {
    expect(nextEvaluation(new Date('2026-03-10T02:00:00Z'), '2026-03-02').runDate).toBe('2026-03-11');
  });
});
