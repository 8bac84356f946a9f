/**
 * The typed 手机号 on H5, checked as the server does (POST /api/app/me/phone): a mainland mobile,
 * pasted with spaces, dashes or +86 allowed.
 */
export function normalizeMobileInput(raw: string): string | null {
  const compact = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null;
}

/** The hint under the phone input, or undefined when it may be sent. */
export function mobileInputHint(raw: string): string | undefined {
  if (raw.trim() === '') return '请输入手机号';
  return normalizeMobileInput(raw) === null ? '请输入正确的 11 位手机号' : undefined;
}
