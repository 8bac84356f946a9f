import { createHash } from 'node:crypto';
import type { OrderLineInput } from '@linli/shared-types';

/** Idempotency keys: 8–64 characters of [A-Za-z0-9_-] (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Lines merged by item (the same item twice is one line with the sum) and sorted by item id. */
export function normalizeLines(lines: readonly OrderLineInput[]): OrderLineInput[] {
  const merged = new Map<number, number>();
  for (const line of lines) merged.set(line.itemId, (merged.get(line.itemId) ?? 0) + line.quantity);
  return [...merged.entries()].sort(([a], [b]) => a - b).map(([itemId, quantity]) => ({ itemId, quantity }));
}

/**
 * SHA-256 of what the order asks for, so a retry with the same key can be told from a different order
 * sent with a reused key. Line order and repeated items do not matter; the remark does.
 */
export function checkoutRequestHash(request: {
  campaignId: number;
  lines: readonly OrderLineInput[];
  remark: string | null;
}): string {
  const canonical = JSON.stringify({
    campaignId: request.campaignId,
    lines: normalizeLines(request.lines).map((l) => [l.itemId, l.quantity]),
    remark: request.remark ?? '',
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** The remark as stored: trimmed, empty → null. */
export function normalizeRemark(remark: string | null | undefined): string | null {
  const trimmed = remark?.trim();
  return trimmed ? trimmed : null;
}
