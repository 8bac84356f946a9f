import { OrderNumberGenerator } from './order-number';

describe('OrderNumberGenerator', () => {
  it('starts with the Asia/Shanghai time to the millisecond, then a 5-digit sequence', () => {
    const numbers = new OrderNumberGenerator(41);
    // 2026-12-07 23:59:58.123 UTC is 2026-12-08 07:59:58.123 in Shanghai.
    expect(numbers.next(new Date('2026-12-07T23:59:58.123Z'))).toBe('26120807595812300042');
  });

  it('is unique and sorts by time within a process, wrapping the sequence after 99999', () => {
    const numbers = new OrderNumberGenerator(99_998);
    const at = new Date('2026-12-07T08:00:00.000Z');
    const a = numbers.next(at);
    const b = numbers.next(at);
    expect(a.endsWith('99999')).toBe(true);
    expect(b.endsWith('00000')).toBe(true);
    expect(a).not.toBe(b);
    const later = numbers.next(new Date('2026-12-07T08:00:00.001Z'));
    expect(later > a && later > b).toBe(true);
    expect(later).toMatch(/^\d{20}$/);
  });
});
