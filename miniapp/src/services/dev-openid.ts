/** Dev login (H5 demos and browser tests) identifies a browser by a made-up openid kept in storage. */

const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidDevOpenid(value: string | null | undefined): value is string {
  return typeof value === 'string' && OPENID_PATTERN.test(value);
}

export function generateDevOpenid(random: () => number = Math.random): string {
  let id = '';
  while (id.length < 16) id += Math.floor(random() * 36).toString(36);
  return `h5_${id}`;
}

export interface DevOpenidChoice {
  openid: string;
  /** True when the browser now speaks for a different member, so any stored session is someone else's. */
  changed: boolean;
}

/**
 * Picks the openid for dev login: a valid `?openid=` override wins (tests use it to be a given member),
 * then the one stored in this browser, else a new random one.
 */
export function chooseDevOpenid(
  stored: string | null,
  override: string | null,
  generate: () => string = generateDevOpenid,
): DevOpenidChoice {
  if (isValidDevOpenid(override)) {
    return { openid: override, changed: stored !== override };
  }
  if (isValidDevOpenid(stored)) return { openid: stored, changed: false };
  return { openid: generate(), changed: true };
}
