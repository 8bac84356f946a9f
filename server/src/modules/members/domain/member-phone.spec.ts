import { normalizeMainlandMobile, phoneFromWechat } from './member-phone';

describe('normalizeMainlandMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 138 0013 8000 ', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['008619912345678', '19912345678'],
  ])('accepts %p', (raw, expected) => {
    expect(normalizeMainlandMobile(raw)).toBe(expected);
  });

  it.each(['', '12800138000', '1380013800', '138001380001', '0571-88886666', 'abcdefghijk', '+85261234567'])(
    'refuses %p',
    (raw) => {
      expect(normalizeMainlandMobile(raw)).toBeNull();
    },
  );
});

describe('phoneFromWechat', () => {
  it('keeps mainland numbers bare and prefixes others', () => {
    expect(phoneFromWechat('13800138000', '86')).toBe('13800138000');
    expect(phoneFromWechat('61234567', '852')).toBe('+85261234567');
  });
});
