import {
  formatCountdown,
  formatDeadline,
  formatCutoff,
  formatMemberSince,
  formatPickupDate,
  formatShanghaiDate,
  formatShanghaiDateTime,
  shanghaiDateKey,
} from './shanghai-time';

// 2026-11-23 10:00 in Shanghai (a Monday) = 02:00 UTC.
const now = new Date('2026-11-23T02:00:00Z');

describe('formatCutoff', () => {
  it('says 今晚 for an evening cutoff today', () => {
    expect(formatCutoff('2026-11-23T14:00:00Z', now)).toBe('今晚 22:00 截单');
  });

  it('says 今天 for a daytime cutoff today', () => {
    expect(formatCutoff('2026-11-23T04:30:00Z', now)).toBe('今天 12:30 截单');
  });

  it('uses the Shanghai day, not the UTC day', () => {
    // 2026-11-23T16:30Z is already 00:30 on the 24th in Shanghai.
    expect(formatCutoff('2026-11-23T16:30:00Z', now)).toBe('明天 00:30 截单');
    expect(formatCutoff('2026-11-24T13:00:00Z', now)).toBe('明晚 21:00 截单');
  });

  it('says 后天, then a calendar date, then adds the year when it differs', () => {
    expect(formatCutoff('2026-11-25T12:00:00Z', now)).toBe('后天 20:00 截单');
    expect(formatCutoff('2026-11-30T12:00:00Z', now)).toBe('11月30日 20:00 截单');
    expect(formatCutoff('2027-01-02T12:00:00Z', now)).toBe('2027年1月2日 20:00 截单');
  });

  it('counts down the last hour in minutes', () => {
    expect(formatCutoff('2026-11-23T02:25:00Z', now)).toBe('还剩 25 分钟截单');
    expect(formatCutoff('2026-11-23T02:00:20Z', now)).toBe('还剩 1 分钟截单');
  });

  it('says 已截单 at and after the cutoff', () => {
    expect(formatCutoff('2026-11-23T02:00:00Z', now)).toBe('已截单');
    expect(formatCutoff('2026-11-22T14:00:00Z', now)).toBe('已截单');
  });

  it('returns an empty label for an unreadable time', () => {
    expect(formatCutoff('not a date', now)).toBe('');
  });
});

describe('formatPickupDate', () => {
  it('names the next days', () => {
    expect(formatPickupDate('2026-11-23', now)).toBe('今天自提');
    expect(formatPickupDate('2026-11-24', now)).toBe('明天自提');
    expect(formatPickupDate('2026-11-25', now)).toBe('后天自提');
  });

  it('gives date and weekday further out', () => {
    expect(formatPickupDate('2026-11-27', now)).toBe('11月27日 周五自提');
    expect(formatPickupDate('2027-01-04', now)).toBe('2027年1月4日 周一自提');
  });

  it('treats the Shanghai evening as the same day', () => {
    const lateEvening = new Date('2026-11-23T15:59:00Z'); // 23:59 in Shanghai
    expect(formatPickupDate('2026-11-24', lateEvening)).toBe('明天自提');
    const afterMidnight = new Date('2026-11-23T16:01:00Z'); // 00:01 on the 24th
    expect(formatPickupDate('2026-11-24', afterMidnight)).toBe('今天自提');
  });

  it('rejects malformed dates', () => {
    expect(formatPickupDate('24/11/2026', now)).toBe('');
  });
});

describe('formatMemberSince', () => {
  it('uses the Shanghai calendar date', () => {
    expect(formatMemberSince('2026-03-31T17:00:00Z')).toBe('2026年4月1日加入');
  });
});

describe('formatShanghaiDate / formatShanghaiDateTime', () => {
  const now = new Date('2026-11-23T02:00:00Z');

  it('uses the Shanghai calendar day, with the year only when it differs', () => {
    // 16:30 UTC on the 22nd is already 00:30 on the 23rd in Shanghai.
    expect(formatShanghaiDate('2026-11-22T16:30:00Z', now)).toBe('11月23日');
    expect(formatShanghaiDate('2025-12-31T15:59:00Z', now)).toBe('2025年12月31日');
    expect(formatShanghaiDate('not a date', now)).toBe('');
  });

  it('adds a zero-padded Shanghai time', () => {
    expect(formatShanghaiDateTime('2026-11-22T16:05:00Z')).toBe('2026年11月23日 00:05');
    expect(formatShanghaiDateTime('')).toBe('');
  });
});

describe('formatCountdown', () => {
  const now = new Date('2026-11-23T10:00:00+08:00');

  it('counts hours, minutes and seconds under a day', () => {
    expect(formatCountdown('2026-11-23T15:04:05+08:00', now)).toBe('05:04:05');
    expect(formatCountdown('2026-11-23T10:00:59+08:00', now)).toBe('00:00:59');
  });

  it('adds whole days beyond a day', () => {
    expect(formatCountdown('2026-11-25T12:30:00+08:00', now)).toBe('2天 02:30:00');
    expect(formatCountdown('2026-11-24T10:00:00+08:00', now)).toBe('1天 00:00:00');
  });

  it('rounds a partial second up and stops at the deadline', () => {
    expect(formatCountdown('2026-11-23T10:00:00.200+08:00', now)).toBe('00:00:01');
    expect(formatCountdown('2026-11-23T10:00:00+08:00', now)).toBeNull();
    expect(formatCountdown('2026-11-23T09:00:00+08:00', now)).toBeNull();
    expect(formatCountdown('not a date', now)).toBeNull();
  });
});

describe('formatDeadline', () => {
  it('writes the Shanghai date, weekday and time, with the year only when it differs', () => {
    const now = new Date('2026-11-23T10:00:00+08:00');
    expect(formatDeadline('2026-11-30T12:00:00.000Z', now)).toBe('11月30日 周一 20:00');
    expect(formatDeadline('2027-01-02T01:05:00+08:00', now)).toBe('2027年1月2日 周六 01:05');
    expect(formatDeadline('nope', now)).toBe('');
  });
});

describe('shanghaiDateKey', () => {
  it('names the Shanghai day, which starts at 16:00 UTC', () => {
    expect(shanghaiDateKey(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23');
    expect(shanghaiDateKey(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(shanghaiDateKey(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
