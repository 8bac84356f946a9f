import { normalizeInviteCode } from './leader-application';

/**
 * Where a recruiting leader's invite code comes from when someone opens 申请成为团长:
 * - a share link: `?inviteCode=XXXX` on the page;
 * - a mini-program code (wxacode.getUnlimited): WeChat passes our `scene` string URL-encoded in
 *   `query.scene`; it is either the bare code or `key=value` pairs (`inviteCode=XXXX`, short `i=XXXX`).
 * Sources are tried in order (page query first, then the app's launch query); the first code wins.
 */

export type QueryLike = Record<string, string | undefined> | null | undefined;

const PLAUSIBLE_CODE = /^[A-Z0-9]{4,16}$/;
const SCENE_KEYS = ['inviteCode', 'invite', 'i', 'code'];

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function plausible(value: string | undefined): string | null {
  if (!value) return null;
  const code = normalizeInviteCode(safeDecode(value));
  return PLAUSIBLE_CODE.test(code) ? code : null;
}

/** The invite code carried by a `scene` string, or null. */
export function inviteCodeFromScene(scene: string | undefined): string | null {
  if (!scene) return null;
  const decoded = safeDecode(scene).trim();
  if (!decoded.includes('=')) return plausible(decoded);
  const pairs = new Map<string, string>();
  for (const part of decoded.split('&')) {
    const [key, ...rest] = part.split('=');
    if (key) pairs.set(key.trim(), rest.join('='));
  }
  for (const key of SCENE_KEYS) {
    const code = plausible(pairs.get(key));
    if (code) return code;
  }
  return null;
}

export function inviteCodeFromQuery(query: QueryLike): string | null {
  if (!query) return null;
  return plausible(query.inviteCode) ?? inviteCodeFromScene(query.scene);
}

export function firstInviteCode(...queries: QueryLike[]): string | null {
  for (const query of queries) {
    const code = inviteCodeFromQuery(query);
    if (code) return code;
  }
  return null;
}
