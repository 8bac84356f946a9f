import { isStorageKey, newStorageKey } from './storage-key';

describe('storage keys', () => {
  it('are dated (UTC) and random', () => {
    const at = new Date('2026-11-23T23:30:00Z');
    const key = newStorageKey('png', at);
    expect(key).toMatch(/^2026\/11\/23\/[0-9a-f]{32}\.png$/);
    expect(newStorageKey('png', at)).not.toBe(key);
    expect(isStorageKey(key)).toBe(true);
  });

  it.each([
    '2026/11/23/../../etc/passwd',
    '2026/11/23/abc.jpg',
    `2026/11/23/${'a'.repeat(32)}.svg`,
    `/2026/11/23/${'a'.repeat(32)}.jpg`,
    `2026/11/23/${'a'.repeat(32)}.jpg?x=1`,
    `2026/11/23/${'A'.repeat(32)}.jpg`,
    '',
  ])('refuses %p', (key) => {
    expect(isStorageKey(key)).toBe(false);
  });
});
