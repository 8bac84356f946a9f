/** Keys whose values never reach the audit log (password hashes, tokens, secrets). */
const SECRET_KEY = /pass(word)?|secret|token|hash|session_?key/i;

export const REDACTED = '[已隐藏]';

/**
 * Deep copy of a snapshot with secret-looking keys removed, so an audit row can never leak a credential
 * even when a caller passes a whole entity.
 */
export function redactSecrets(
  value: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return redactObject(value);
}

function redactObject(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    // Boolean flags such as `passwordReset: true` say that something happened without revealing it.
    if (SECRET_KEY.test(key) && typeof v !== 'boolean') continue;
    out[key] = redactValue(v);
  }
  return out;
}

function redactValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(redactValue);
  if (v !== null && typeof v === 'object') return redactObject(v as Record<string, unknown>);
  return v;
}
