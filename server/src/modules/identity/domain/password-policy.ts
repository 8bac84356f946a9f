export const PASSWORD_MIN_LENGTH = 8;
/** scrypt takes any length, but an upper bound keeps hashing cost per request bounded. */
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Staff password policy: 8–128 characters with at least one letter and one digit.
 * Returns the Chinese problems found, empty when the password is acceptable.
 */
export function passwordPolicyProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码最多 ${PASSWORD_MAX_LENGTH} 位`);
  if (!/[A-Za-z]/.test(password)) problems.push('密码必须包含字母');
  if (!/[0-9]/.test(password)) problems.push('密码必须包含数字');
  if (/\s/.test(password)) problems.push('密码不能包含空格');
  return problems;
}
