import { isPhoneTail, phoneTailOf } from './phone-tail';

describe('phone tail', () => {
  it('takes the last four digits', () => {
    expect(phoneTailOf('13757112201')).toBe('2201');
    expect(phoneTailOf('+85291234567')).toBe('4567');
    expect(phoneTailOf('0571-8888 1234')).toBe('1234');
  });

  it('is null without enough digits', () => {
    expect(phoneTailOf(null)).toBeNull();
    expect(phoneTailOf('')).toBeNull();
    expect(phoneTailOf('123')).toBeNull();
  });

  it('reads exactly four digits as a tail', () => {
    expect(isPhoneTail('2201')).toBe(true);
    expect(isPhoneTail('220')).toBe(false);
    expect(isPhoneTail('22011')).toBe(false);
    expect(isPhoneTail('王2201')).toBe(false);
  });
});
