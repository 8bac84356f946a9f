import { demoCampaignSchedule } from './demo-seed';

describe('demoCampaignSchedule', () => {
  it('cuts off tonight at 22:00 Shanghai and picks up tomorrow', () => {
    const now = new Date('2026-03-01T02:00:00Z'); // 10:00 in Shanghai
    const s = demoCampaignSchedule(now);
    expect(s.cutoffAt.toISOString()).toBe('2026-03-01T14:00:00.000Z');
    expect(s.pickupDate).toBe('2026-03-02');
    expect(s.startAt.toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(s.endAt.toISOString()).toBe('2026-03-03T02:00:00.000Z');
  });

  it('moves the cut-off to tomorrow night once tonight 22:00 has passed', () => {
    const now = new Date('2026-03-01T15:00:00Z'); // 23:00 in Shanghai
    const s = demoCampaignSchedule(now);
    expect(s.cutoffAt.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(s.pickupDate).toBe('2026-03-03');
    expect(s.cutoffAt < s.endAt).toBe(true);
  });

  it('handles the Shanghai day starting before UTC midnight', () => {
    const now = new Date('2026-03-01T16:30:00Z'); // 00:30 on 03-02 in Shanghai
    const s = demoCampaignSchedule(now);
    expect(s.cutoffAt.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(s.pickupDate).toBe('2026-03-03');
  });
});
