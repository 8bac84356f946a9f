import { formatDistance } from './distance';

describe('formatDistance', () => {
  it('shows metres under a kilometre', () => {
    expect(formatDistance(350)).toBe('350m');
    expect(formatDistance(349.6)).toBe('350m');
    expect(formatDistance(0)).toBe('1m');
  });

  it('switches to kilometres at the rounded kilometre', () => {
    expect(formatDistance(999.4)).toBe('999m');
    expect(formatDistance(999.6)).toBe('1km');
    expect(formatDistance(1000)).toBe('1km');
    expect(formatDistance(1234)).toBe('1.2km');
    expect(formatDistance(9940)).toBe('9.9km');
  });

  it('drops the decimal from ten kilometres on', () => {
    expect(formatDistance(9960)).toBe('10km');
    expect(formatDistance(12_400)).toBe('12km');
  });

  it('returns null when the distance is unknown or nonsense', () => {
    expect(formatDistance(null)).toBeNull();
    expect(formatDistance(undefined)).toBeNull();
    expect(formatDistance(Number.NaN)).toBeNull();
    expect(formatDistance(-5)).toBeNull();
  });
});
