import type { TokenSubjectKind } from './token-subject';

/** What the server knows about a presented refresh token. */
export interface StoredRefreshToken {
  subjectKind: TokenSubjectKind;
  expiresAt: Date;
  /** Set when the token was exchanged (rotated) for a new pair. */
  usedAt: Date | null;
  /** Set when the session (token family) was ended: logout, reuse, password reset, disable. */
  revokedAt: Date | null;
}

export type RefreshVerdict =
  | { outcome: 'rotate' }
  /** A token that was already rotated is presented again: it was stolen or replayed, end the family. */
  | { outcome: 'reuse' }
  | { outcome: 'reject'; reason: 'unknown' | 'wrong_kind' | 'revoked' | 'expired' };

/**
 * Single-use refresh tokens with rotation. Order matters: reuse is checked before revocation, so a
 * replayed token of an already-revoked family is still reported as reuse (revoking again is harmless).
 */
export function judgeRefreshToken(
  token: StoredRefreshToken | null,
  expectedKind: TokenSubjectKind,
  now: Date,
): RefreshVerdict {
  if (!token) return { outcome: 'reject', reason: 'unknown' };
  // A member token at the staff endpoint (or vice versa) is not ours to judge or revoke.
  if (token.subjectKind !== expectedKind) return { outcome: 'reject', reason: 'wrong_kind' };
  if (token.usedAt) return { outcome: 'reuse' };
  if (token.revokedAt) return { outcome: 'reject', reason: 'revoked' };
  if (token.expiresAt.getTime() <= now.getTime()) return { outcome: 'reject', reason: 'expired' };
  return { outcome: 'rotate' };
}
