import { toWechatPayTime, unixSeconds } from './wechatpay-time';

describe('toWechatPayTime', () => {
  it('writes RFC 3339 in Beijing time, whole seconds', () => {
    expect(toWechatPayTime(new Date('2026-12-07T07:30:00.789Z'))).toBe('2026-12-07T15:30:00+08:00');
    expect(toWechatPayTime(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08T00:00:00+08:00');
  });

  it('gives Unix seconds for signatures', () => {
    expect(unixSeconds(new Date('2019-04-02T12:34:20.999Z'))).toBe(1554208460);
  });
});
