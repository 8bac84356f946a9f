import { firstInviteCode, inviteCodeFromQuery, inviteCodeFromScene } from './invite-code';

describe('invite code extraction', () => {
  it('reads ?inviteCode= from a share link, normalised', () => {
    expect(inviteCodeFromQuery({ inviteCode: 'abcd2345' })).toBe('ABCD2345');
    expect(inviteCodeFromQuery({ inviteCode: 'ABCD%202345' })).toBe('ABCD2345');
  });

  it('reads a bare code or key=value pairs from a mini-program code scene (URL-encoded by WeChat)', () => {
    expect(inviteCodeFromScene('ABCD2345')).toBe('ABCD2345');
    expect(inviteCodeFromScene('inviteCode%3DWXYZ6789')).toBe('WXYZ6789');
    expect(inviteCodeFromScene('c%3D12%26i%3Dwxyz6789')).toBe('WXYZ6789');
    expect(inviteCodeFromQuery({ scene: 'i%3DWXYZ6789' })).toBe('WXYZ6789');
  });

  it('ignores scenes that carry no invite code and garbage', () => {
    expect(inviteCodeFromScene('community%3D12')).toBeNull();
    expect(inviteCodeFromScene('%E0%A4%A')).toBeNull();
    expect(inviteCodeFromScene('')).toBeNull();
    expect(inviteCodeFromScene(undefined)).toBeNull();
    expect(inviteCodeFromQuery({ inviteCode: '<script>' })).toBeNull();
    expect(inviteCodeFromQuery(null)).toBeNull();
  });

  it('prefers the page query, then the scene, then the launch query', () => {
    expect(firstInviteCode({ inviteCode: 'PAGE2345', scene: 'SCEN2345' }, { inviteCode: 'LAUN2345' })).toBe(
      'PAGE2345',
    );
    expect(firstInviteCode({ scene: 'SCEN2345' }, { inviteCode: 'LAUN2345' })).toBe('SCEN2345');
    expect(firstInviteCode({}, null, { scene: 'LAUN2345' })).toBe('LAUN2345');
    expect(firstInviteCode({ openid: 'x' }, undefined)).toBeNull();
  });
});
