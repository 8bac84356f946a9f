/** Who a token belongs to: a staff member (back office) or a member (mini-program buyer/leader). */
export type TokenSubjectKind = 'staff' | 'member';

/** Claims of a Linli access token (JWT, HS256). */
export interface AccessTokenClaims {
  /** Subject id as a string, per JWT convention. */
  sub: string;
  kind: TokenSubjectKind;
  /** Staff token version: bumping it (password reset) invalidates every access token issued before. */
  tv?: number;
}

export function isAccessTokenClaims(value: unknown): value is AccessTokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sub === 'string' &&
    /^[1-9][0-9]*$/.test(v.sub) &&
    (v.kind === 'staff' || v.kind === 'member') &&
    (v.tv === undefined || (typeof v.tv === 'number' && Number.isInteger(v.tv)))
  );
}
