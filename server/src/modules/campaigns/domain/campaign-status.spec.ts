import type { CampaignStatus } from '@linli/shared-types';
import { staffTransition, timeSources, timeTransition, type CampaignAction } from './campaign-status';

const window = { startAt: new Date('2026-03-01T00:00:00Z'), endAt: new Date('2026-03-03T00:00:00Z') };
const before = new Date('2026-02-28T00:00:00Z');
const during = new Date('2026-03-02T00:00:00Z');
const after = new Date('2026-03-04T00:00:00Z');

describe('staffTransition', () => {
  const cases: Array<[CampaignStatus, CampaignAction, Date, CampaignStatus | null]> = [
    ['draft', 'schedule', before, 'scheduled'],
    ['draft', 'schedule', during, 'live'],
    ['draft', 'schedule', window.startAt, 'live'],
    ['scheduled', 'schedule', before, null],
    ['live', 'schedule', during, null],
    ['ended', 'schedule', before, null],
    ['scheduled', 'unschedule', before, 'draft'],
    ['draft', 'unschedule', before, null],
    ['live', 'unschedule', during, null],
    ['ended', 'unschedule', after, null],
    ['scheduled', 'end', before, 'ended'],
    ['live', 'end', during, 'ended'],
    ['draft', 'end', before, null],
    ['ended', 'end', after, null],
  ];
  it.each(cases)('%s --%s at %s--> %s', (from, action, now, to) => {
    expect(staffTransition(from, action, window, now)).toBe(to);
  });
});

describe('timeTransition', () => {
  const cases: Array<[CampaignStatus, Date, CampaignStatus | null]> = [
    ['scheduled', before, null],
    ['scheduled', window.startAt, 'live'],
    ['scheduled', during, 'live'],
    ['scheduled', window.endAt, 'ended'], // a lost start job: straight to ended once over
    ['live', during, null],
    ['live', window.endAt, 'ended'],
    ['live', after, 'ended'],
    ['draft', during, null],
    ['draft', after, null],
    ['ended', during, null],
  ];
  it.each(cases)('%s at %s → %s', (from, now, to) => {
    expect(timeTransition(from, window, now)).toBe(to);
  });

  it('names the statuses a time move starts from', () => {
    expect(timeSources('live')).toEqual(['scheduled']);
    expect(timeSources('ended')).toEqual(['scheduled', 'live']);
  });
});
