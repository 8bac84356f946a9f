import { randomInt } from 'node:crypto';

/** Prefix of the text in the buyer's pickup QR: `LINLI-PICKUP:<orderNo>:<code>`. */
const QR_PREFIX = 'LINLI-PICKUP';

/** A new 6-digit pickup code (leading zeros kept), uniformly random. */
export function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** What the buyer's QR encodes: the order number makes a scan exact even when codes repeat over time. */
export function pickupQrText(orderNo: string, code: string): string {
  return `${QR_PREFIX}:${orderNo}:${code}`;
}

export interface PickupInput {
  code: string;
  /** Known when the leader scanned the QR; null when the code was typed. */
  orderNo: string | null;
}

/**
 * Reads what the leader typed or scanned: 6 digits (spaces allowed, as people read codes in groups), or
 * the QR text. Anything else is null, answered as an invalid code.
 */
export function parsePickupInput(raw: string): PickupInput | null {
  const text = raw.trim();
  const qr = new RegExp(`^${QR_PREFIX}:(\\d{6,24}):(\\d{6})$`).exec(text);
  if (qr) return { orderNo: qr[1], code: qr[2] };
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? { code: digits, orderNo: null } : null;
}
