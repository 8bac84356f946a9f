import { generateInviteCode, INVITE_CODE_ALPHABET, isInviteCode } from './invite-code';

describe('invite codes', () => {
  it('are 8 characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateInviteCode();
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(isInviteCode(code)).toBe(true);
    }
  });

  it('use the injected randomness', () => {
    expect(generateInviteCode(() => 0)).toBe('AAAAAAAA');
    expect(generateInviteCode((max) => max - 1)).toBe('99999999');
    expect(INVITE_CODE_ALPHABET).toHaveLength(31);
  });

  it('recognises malformed codes', () => {
    expect(isInviteCode('ABCD234')).toBe(false);
    expect(isInviteCode('abcd2345')).toBe(false);
    expect(isInviteCode('ABCD2340')).toBe(false);
  });
});
