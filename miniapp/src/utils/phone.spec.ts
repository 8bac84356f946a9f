import { mobileInputHint, normalizeMobileInput } from './phone';

describe('normalizeMobileInput', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
  ])('accepts %p', (raw, expected) => {
    expect(normalizeMobileInput(raw)).toBe(expected);
  });

  it.each(['', '1380013800', '12800138000', '0571-88886666', '+85261234567'])('refuses %p', (raw) => {
    expect(normalizeMobileInput(raw)).toBeNull();
  });
});

describe('mobileInputHint', () => {
  it('asks for a number, then for a valid one', () => {
    expect(mobileInputHint('  ')).toBe('请输入手机号');
    expect(mobileInputHint('1380013')).toBe('请输入正确的 11 位手机号');
    expect(mobileInputHint('13800138000')).toBeUndefined();
  });
});
