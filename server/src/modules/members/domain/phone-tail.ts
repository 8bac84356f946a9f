/** The last four digits of a phone number (手机尾号), or null without a phone. */
export function phoneTailOf(phone: string | null): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** A keyword that is exactly four digits is a phone tail: leaders ask "尾号多少" at pickup. */
export function isPhoneTail(keyword: string): boolean {
  return /^\d{4}$/.test(keyword);
}
