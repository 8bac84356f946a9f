/** Mainland China mobile numbers: 11 digits starting 13–19. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * A typed mainland mobile in canonical form (11 digits), accepting what people paste: spaces, dashes
 * and a +86 / 0086 prefix. Null when it is not one.
 */
export function normalizeMainlandMobile(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return MAINLAND_MOBILE.test(compact) ? compact : null;
}

/** What we store of a WeChat-verified number: mainland numbers bare, others with +country code. */
export function phoneFromWechat(purePhoneNumber: string, countryCode: string): string {
  return countryCode === '86' ? purePhoneNumber : `+${countryCode}${purePhoneNumber}`;
}
