import { judgeRefreshToken, type StoredRefreshToken } from './refresh-rotation';

const now = new Date('2026-03-01T10:00:00Z');
const fresh: StoredRefreshToken = {
  subjectKind: 'staff',
  expiresAt: new Date('2026-03-31T10:00:00Z'),
  usedAt: null,
  revokedAt: null,
};

describe('judgeRefreshToken', () => {
  it('rotates a fresh token of the expected kind', () => {
    expect(judgeRefreshToken(fresh, 'staff', now)).toEqual({ outcome: 'rotate' });
  });

  it('rejects unknown tokens and tokens of the other kind', () => {
    expect(judgeRefreshToken(null, 'staff', now)).toEqual({ outcome: 'reject', reason: 'unknown' });
    expect(judgeRefreshToken(fresh, 'member', now)).toEqual({ outcome: 'reject', reason: 'wrong_kind' });
  });

  it('detects reuse of a rotated token, even when the family is already revoked', () => {
    const used = { ...fresh, usedAt: new Date('2026-03-01T09:00:00Z') };
    expect(judgeRefreshToken(used, 'staff', now)).toEqual({ outcome: 'reuse' });
    expect(judgeRefreshToken({ ...used, revokedAt: now }, 'staff', now)).toEqual({ outcome: 'reuse' });
  });

  it('rejects revoked (logged out) tokens', () => {
    expect(judgeRefreshToken({ ...fresh, revokedAt: now }, 'staff', now)).toEqual({
      outcome: 'reject',
      reason: 'revoked',
    });
  });

  it('rejects expired tokens, the expiry instant included', () => {
    expect(judgeRefreshToken({ ...fresh, expiresAt: now }, 'staff', now)).toEqual({
      outcome: 'reject',
      reason: 'expired',
    });
  });
});
