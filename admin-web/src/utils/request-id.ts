/**
 * A fresh idempotency key for one opened dialog (stock adjustment, commission adjustment): pressing 确定
 * again after a lost answer sends the same key, so the server books it once.
 */
export function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
