/** One order line as the gate sees it (repeated items are merged before the script runs). */
export interface GateLine {
  itemId: number;
  quantity: number;
  /** 0 = no limit */
  perMemberLimit: number;
}

export type GateDecision =
  /** Units taken for every line; the order may go on to the database. */
  | { kind: 'admitted' }
  /** This member + idempotency key was admitted before: do not take units again. */
  | { kind: 'replay' }
  /** remaining < asked (0 = 已抢光). Nothing was taken. */
  | { kind: 'sold_out'; itemId: number; remaining: number }
  /** bought + asked > limit. Nothing was taken. */
  | { kind: 'over_limit'; itemId: number; bought: number };

export interface GateSnapshot {
  /** Units left per campaign item id (min of SKU availability and cap − sold, computed by the caller from the DB). */
  remaining: Map<number, number>;
  /**
   * Units each member already holds per item (orders not cancelled/refunded), limited or not: give-backs
   * are capped by what the gate thinks the member holds.
   */
  bought: Array<{ memberId: number; itemId: number; quantity: number }>;
  /** When the keys may be dropped (campaign end + 1 day). */
  expiresAt: Date;
}

/** What a build did: wrote a fresh gate, added only items the gate lacked, or left it alone. */
export type GateBuildResult = 'built' | 'patched' | 'kept';

export interface FlashSaleGateOptions {
  /** Key prefix (e.g. the queue prefix); must not contain `{` or `}` (the campaign id is the hash tag). */
  prefix: string;
  /** Upper bound for one Redis call; default 500 ms. Past it the call counts as failed. */
  commandTimeoutMs?: number;
}

/**
 * Redis down / timeout / script error / the gate could not be built: the caller answers 503
 * ORDER_FLASH_SALE_BUSY and sells nothing. `cause` carries the underlying error.
 */
export class GateUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GateUnavailableError';
  }
}
