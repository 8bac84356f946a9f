import type { GateDecision, GateLine, GateSnapshot } from './flash-sale-gate.types';

/**
 * Turning the gate's inputs into script arguments and its replies back into values. Bad input is a
 * programming error (RangeError), never a Redis outage: the caller must not answer it with 503.
 */

/** The admit script's replies, including the two that the gate handles itself. */
export type AdmitReply = GateDecision | { kind: 'missing' } | { kind: 'rebuild'; itemId: number };

const MAX_KEY_LENGTH = 200;

export function gateKeys(prefix: string, campaignId: number): [string, string, string, string] {
  const base = `${prefix}:fs:{${campaignId}}`;
  return [`${base}:ready`, `${base}:stock`, `${base}:bought`, `${base}:keys`];
}

export function assertPrefix(prefix: string): void {
  // A brace in the prefix would become the hash tag and put every campaign in one cluster slot.
  if (prefix === '' || /[{}]/.test(prefix))
    throw new RangeError(`flash-sale gate: bad key prefix "${prefix}"`);
}

export function assertId(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`flash-sale gate: bad ${name} ${value}`);
}

function assertCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`flash-sale gate: bad ${name} ${value}`);
}

export function assertIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new RangeError('flash-sale gate: idempotency key must have 1–200 characters');
  }
}

/**
 * ARGV for ADMIT: member, key, then itemId/quantity/limit per line. Repeated items are merged first:
 * the script checks line by line before taking, so two lines of one item would each pass the check
 * against the same stock and together take more than is left.
 */
export function admitArguments(
  memberId: number,
  idempotencyKey: string,
  lines: readonly GateLine[],
): string[] {
  assertId('member id', memberId);
  assertIdempotencyKey(idempotencyKey);
  if (lines.length === 0) throw new RangeError('flash-sale gate: an order needs at least one line');
  const merged = new Map<number, GateLine>();
  for (const line of lines) {
    assertId('item id', line.itemId);
    assertCount('quantity', line.quantity, 1);
    assertCount('per-member limit', line.perMemberLimit, 0);
    const seen = merged.get(line.itemId);
    if (seen && seen.perMemberLimit !== line.perMemberLimit) {
      throw new RangeError(`flash-sale gate: item ${line.itemId} has two different limits`);
    }
    merged.set(line.itemId, { ...line, quantity: (seen?.quantity ?? 0) + line.quantity });
  }
  const args = [String(memberId), idempotencyKey];
  for (const line of merged.values()) {
    args.push(String(line.itemId), String(line.quantity), String(line.perMemberLimit));
  }
  return args;
}

/** ARGV for GIVE BACK: member, key ('' = keep it), then itemId/quantity per line (merged). */
export function giveBackArguments(
  memberId: number,
  lines: ReadonlyArray<{ itemId: number; quantity: number }>,
  forgetKey: string | undefined,
): string[] {
  assertId('member id', memberId);
  if (forgetKey !== undefined) assertIdempotencyKey(forgetKey);
  const merged = new Map<number, number>();
  for (const line of lines) {
    assertId('item id', line.itemId);
    assertCount('quantity', line.quantity, 0);
    merged.set(line.itemId, (merged.get(line.itemId) ?? 0) + line.quantity);
  }
  const args = [String(memberId), forgetKey ?? ''];
  for (const [itemId, quantity] of merged) args.push(String(itemId), String(quantity));
  return args;
}

/** ARGV for BUILD: expiry, stock pairs, then one holding per member and item (summed, zeros dropped). */
export function buildArguments(snapshot: GateSnapshot): string[] {
  const expireAt = snapshot.expiresAt.getTime();
  if (!Number.isFinite(expireAt)) throw new RangeError('flash-sale gate: bad snapshot expiry');
  const stock: string[] = [];
  for (const [itemId, units] of snapshot.remaining) {
    assertId('item id', itemId);
    if (!Number.isFinite(units))
      throw new RangeError(`flash-sale gate: bad units ${units} for item ${itemId}`);
    // A database that is already over its cap reads as "nothing left", never as negative stock.
    stock.push(String(itemId), String(Math.max(0, Math.floor(units))));
  }
  const held = new Map<string, { memberId: number; itemId: number; quantity: number }>();
  for (const row of snapshot.bought) {
    assertId('member id', row.memberId);
    assertId('item id', row.itemId);
    assertCount('bought quantity', row.quantity, 0);
    const field = `${row.memberId}:${row.itemId}`;
    const seen = held.get(field);
    held.set(field, { ...row, quantity: (seen?.quantity ?? 0) + row.quantity });
  }
  const args = [String(expireAt), String(stock.length / 2), ...stock];
  for (const row of held.values()) {
    if (row.quantity > 0) args.push(String(row.memberId), String(row.itemId), String(row.quantity));
  }
  return args;
}

/** Reads the ADMIT reply; anything unexpected is thrown (and becomes GateUnavailableError). */
export function parseAdmitReply(reply: unknown): AdmitReply {
  if (!Array.isArray(reply) || typeof reply[0] !== 'string')
    throw new Error(`unexpected reply ${String(reply)}`);
  const [kind, itemId, count] = reply as [string, unknown, unknown];
  switch (kind) {
    case 'admitted':
    case 'replay':
    case 'missing':
      return { kind };
    case 'rebuild':
      return { kind, itemId: integer(itemId) };
    case 'sold_out':
      return { kind, itemId: integer(itemId), remaining: integer(count) };
    case 'over_limit':
      return { kind, itemId: integer(itemId), bought: integer(count) };
    default:
      throw new Error(`unexpected reply kind ${kind}`);
  }
}

/** Reads the PEEK reply: null (not built) or the flat field/value list without the sentinel. */
export function parsePeekReply(reply: unknown): Map<number, number> | null {
  if (reply === null) return null;
  if (!Array.isArray(reply)) throw new Error(`unexpected reply ${String(reply)}`);
  const stock = new Map<number, number>();
  for (let i = 0; i + 1 < reply.length; i += 2) {
    if (reply[i] === '_') continue;
    stock.set(integer(Number(reply[i])), integer(Number(reply[i + 1])));
  }
  return stock;
}

function integer(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Error(`not an integer: ${String(value)}`);
  return value;
}
