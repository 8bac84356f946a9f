// Member access tokens signed the way the server signs them (HS256 JWT, { sub, kind: 'member' }), so the
// bench prepares thousands of buyers without thousands of logins (and the login rate limits stay on).
import { createHmac } from 'node:crypto';

const base64url = (value) => Buffer.from(value).toString('base64url');

export function memberToken(secret, memberId, ttlSeconds = 6 * 3600) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ sub: String(memberId), kind: 'member', iat: now, exp: now + ttlSeconds }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Verifies a token made by memberToken (the ceiling server checks tokens too, to be a fair baseline). */
export function verifyMemberToken(secret, token) {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  if (expected !== signature) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return claims.exp > Date.now() / 1000 ? claims : null;
}
