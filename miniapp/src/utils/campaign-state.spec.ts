import { availabilityNotice, campaignAvailability } from './campaign-state';

const now = new Date('2026-11-23T10:00:00+08:00');
const live = { status: 'live' as const, cutoffAt: '2026-11-23T22:00:00+08:00', offeredHere: true };

describe('campaignAvailability', () => {
  it('is open while live, before the cut-off and offered at the buyer’s pickup point', () => {
    expect(campaignAvailability(live, now)).toBe('open');
  });

  it('is ended whatever else holds, then cut-off, then elsewhere', () => {
    expect(campaignAvailability({ ...live, status: 'ended', offeredHere: false }, now)).toBe('ended');
    expect(
      campaignAvailability({ ...live, cutoffAt: '2026-11-23T10:00:00+08:00', offeredHere: false }, now),
    ).toBe('cut-off');
    expect(campaignAvailability({ ...live, offeredHere: false }, now)).toBe('elsewhere');
  });
});

describe('availabilityNotice', () => {
  it('explains every closed state and says nothing for an open campaign', () => {
    expect(availabilityNotice('open')).toBeNull();
    expect(availabilityNotice('elsewhere')?.title).toBe('该活动不在你当前的自提点提供');
    expect(availabilityNotice('ended')?.title).toBe('团购已结束');
    expect(availabilityNotice('cut-off')?.title).toBe('已截单');
  });
});
