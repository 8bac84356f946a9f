/**
 * What a staff keyword in the member list searches, so that every kind is one index range instead of a
 * scan of a million rows (bench/members/FINDINGS.md):
 * - 4 to 11 digits: the phone number starts with them (11 digits: that number);
 * - an openid (WeChat: 28 characters of letters, digits, `-` and `_`; dev logins: `dev:…`): that member;
 * - anything else: the nickname starts with it.
 */
export type MemberKeywordSearch =
  | { kind: 'phone'; prefix: string }
  | { kind: 'openid'; openid: string }
  | { kind: 'nickname'; prefix: string };

const PHONE_DIGITS = /^\d{4,11}$/;
const OPENID = /^(?:[A-Za-z0-9_-]{20,64}|dev:[A-Za-z0-9_-]{1,64})$/;

export function memberKeywordSearch(raw: string | undefined): MemberKeywordSearch | null {
  const keyword = raw?.trim();
  if (!keyword) return null;
  if (PHONE_DIGITS.test(keyword)) return { kind: 'phone', prefix: keyword };
  if (OPENID.test(keyword)) return { kind: 'openid', openid: keyword };
  return { kind: 'nickname', prefix: keyword };
}
