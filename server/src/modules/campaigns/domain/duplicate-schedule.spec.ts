import { duplicateSchedule, weeksToFuture } from './duplicate-schedule';
import type { CampaignSchedule } from './campaign-rules';

// Mon 2026-03-02 08:00 Shanghai → cut-off Tue 22:00 → end Wed 08:00; pickup Wed.
const original: CampaignSchedule = {
  startAt: new Date('2026-03-02T00:00:00Z'),
  cutoffAt: new Date('2026-03-03T14:00:00Z'),
  endAt: new Date('2026-03-04T00:00:00Z'),
  pickupDate: '2026-03-04',
};

describe('weeksToFuture', () => {
  const cases: Array<[string, string, number]> = [
    ['start still ahead', '2026-03-01T00:00:00Z', 1],
    ['start just passed', '2026-03-02T00:00:01Z', 1],
    ['exactly a week after the start', '2026-03-09T00:00:00Z', 2],
    ['three weeks and a day later', '2026-03-24T00:00:00Z', 4],
  ];
  it.each(cases)('%s → %i week(s)', (_label, now, weeks) => {
    expect(weeksToFuture(original.startAt, new Date(now))).toBe(weeks);
  });
});

describe('duplicateSchedule', () => {
  it('copies to next week keeping weekday, times and the pickup day', () => {
    expect(duplicateSchedule(original, new Date('2026-03-03T00:00:00Z'))).toEqual({
      startAt: new Date('2026-03-09T00:00:00Z'),
      cutoffAt: new Date('2026-03-10T14:00:00Z'),
      endAt: new Date('2026-03-11T00:00:00Z'),
      pickupDate: '2026-03-11',
    });
  });

  it('skips as many whole weeks as it takes to start in the future', () => {
    const copy = duplicateSchedule(original, new Date('2026-03-20T00:00:00Z'));
    expect(copy.startAt).toEqual(new Date('2026-03-23T00:00:00Z'));
    expect(copy.pickupDate).toBe('2026-03-25');
  });

  it('moves to a given start, shifting the pickup date by the cut-off days in Shanghai', () => {
    // Start 2 days and 10 hours later: the cut-off moves from Tue 22:00 to Fri 08:00 Shanghai (+3 days).
    const copy = duplicateSchedule(
      original,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-04T10:00:00Z'),
    );
    expect(copy).toEqual({
      startAt: new Date('2026-03-04T10:00:00Z'),
      cutoffAt: new Date('2026-03-06T00:00:00Z'),
      endAt: new Date('2026-03-06T10:00:00Z'),
      pickupDate: '2026-03-07',
    });
  });
});
