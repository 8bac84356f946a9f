import Taro from '@tarojs/taro';
import { type OrderLineInput, type OrderPreviewLine } from '@linli/shared-types';
import { currentMember } from './session';

/**
 * The buyer's cart (购物车): campaign items and quantities only, never prices (the cart page asks
 * POST /api/app/orders/preview). Kept in Taro storage, one cart per member and leader they are bound to,
 * because a campaign is ordered at the buyer's current pickup point: switching leader shows that leader's
 * cart, and another member signing in on the same phone or browser does not see this one's.
 *
 * The first half is pure (arrays in, arrays out, unit-tested); the `cart` store at the end binds it to
 * storage and the session.
 */

export interface CartLine {
  campaignId: number;
  itemId: number;
  quantity: number;
}

export interface CartGroup {
  campaignId: number;
  lines: CartLine[];
}

/** Stored carts by owner key (see `cartKeyOf`). */
export type CartBook = Record<string, CartLine[]>;

/** Whose cart: the signed-in member and their current leader (null before they chose one). */
export interface CartOwner {
  memberId: number | null;
  leaderId: number | null;
}

/** The server's bounds: quantity 1–999 per line, 1–50 lines per order (one order = one campaign). */
export const MAX_LINE_QUANTITY = 999;
export const MAX_LINES_PER_CAMPAIGN = 50;

/** `m7/leader-3`; `m7/none` before member 7 has a leader; `guest/…` before login. */
export function cartKeyOf(owner: CartOwner): string {
  const member = owner.memberId ? `m${owner.memberId}` : 'guest';
  return `${member}/${owner.leaderId ? `leader-${owner.leaderId}` : 'none'}`;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function sameLine(a: Pick<CartLine, 'campaignId' | 'itemId'>, b: Pick<CartLine, 'campaignId' | 'itemId'>) {
  return a.campaignId === b.campaignId && a.itemId === b.itemId;
}

/** Reads stored JSON defensively: anything malformed (older versions, hand edits) is dropped, not fatal. */
export function parseBook(raw: unknown): CartBook {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const book: CartBook = {};
  for (const [key, lines] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(lines)) continue;
    const valid = lines.filter(
      (line): line is CartLine =>
        typeof line === 'object' &&
        line !== null &&
        isId((line as CartLine).campaignId) &&
        isId((line as CartLine).itemId) &&
        isId((line as CartLine).quantity),
    );
    const kept: CartLine[] = [];
    for (const line of valid) {
      if (!kept.some((k) => sameLine(k, line))) {
        kept.push({
          campaignId: line.campaignId,
          itemId: line.itemId,
          quantity: Math.min(line.quantity, MAX_LINE_QUANTITY),
        });
      }
    }
    if (kept.length > 0) book[key] = kept;
  }
  return book;
}

export function quantityOf(lines: CartLine[], campaignId: number, itemId: number): number {
  return lines.find((line) => sameLine(line, { campaignId, itemId }))?.quantity ?? 0;
}

export function totalQuantity(lines: CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

export interface AddResult {
  lines: CartLine[];
  /** How many were really added (less than asked when `max` or the line limits got in the way). */
  added: number;
}

/**
 * Adds `line.quantity` of an item, up to `max` in the cart in total (the item's 限购 / what is left;
 * omitted = only the server's 999). A new item goes first, so the newest choice shows at the top.
 */
export function addLine(lines: CartLine[], line: CartLine, max: number = MAX_LINE_QUANTITY): AddResult {
  const cap = Math.min(Math.max(0, Math.floor(max)), MAX_LINE_QUANTITY);
  const current = quantityOf(lines, line.campaignId, line.itemId);
  const target = Math.min(cap, current + Math.max(0, Math.floor(line.quantity)));
  if (target <= current) return { lines, added: 0 };
  if (current === 0) {
    const inCampaign = lines.filter((l) => l.campaignId === line.campaignId).length;
    if (inCampaign >= MAX_LINES_PER_CAMPAIGN) return { lines, added: 0 };
    return { lines: [{ ...line, quantity: target }, ...lines], added: target };
  }
  return {
    lines: lines.map((l) => (sameLine(l, line) ? { ...l, quantity: target } : l)),
    added: target - current,
  };
}

/** Sets a line's quantity (0 or less removes it; an absent line is added). */
export function setLineQuantity(lines: CartLine[], line: CartLine): CartLine[] {
  const quantity = Math.min(Math.floor(line.quantity), MAX_LINE_QUANTITY);
  if (quantity <= 0) return removeLines(lines, [line]);
  if (quantityOf(lines, line.campaignId, line.itemId) === 0) return addLine(lines, line).lines;
  return lines.map((l) => (sameLine(l, line) ? { ...l, quantity } : l));
}

export function removeLines(
  lines: CartLine[],
  removed: Array<Pick<CartLine, 'campaignId' | 'itemId'>>,
): CartLine[] {
  return lines.filter((line) => !removed.some((r) => sameLine(r, line)));
}

/** One group per campaign, in the order the campaigns first appear (newest additions first). */
export function groupByCampaign(lines: CartLine[]): CartGroup[] {
  const groups: CartGroup[] = [];
  for (const line of lines) {
    const group = groups.find((g) => g.campaignId === line.campaignId);
    if (group) group.lines.push(line);
    else groups.push({ campaignId: line.campaignId, lines: [line] });
  }
  return groups;
}

/**
 * Lines put in the cart before the buyer had a leader move into the leader's cart once there is one
 * (e.g. 选择自提点 from the checkout page), so the choice is not lost.
 */
export function adoptUnboundLines(book: CartBook, owner: CartOwner): CartBook {
  const unboundKey = cartKeyOf({ memberId: owner.memberId, leaderId: null });
  const unbound = book[unboundKey];
  if (owner.leaderId === null || !unbound?.length) return book;
  const key = cartKeyOf(owner);
  let merged = book[key] ?? [];
  for (const line of [...unbound].reverse()) merged = addLine(merged, line).lines;
  const next: CartBook = { ...book, [key]: merged };
  delete next[unboundKey];
  return next;
}

/** The most of a priced line the buyer may take now: what is left, within what 限购 still allows. */
export function previewLineMax(line: Pick<OrderPreviewLine, 'remaining' | 'limitLeft'>): number {
  const left = Math.max(0, line.remaining);
  return Math.min(MAX_LINE_QUANTITY, line.limitLeft === null ? left : Math.min(left, line.limitLeft));
}

/**
 * For a line refused only for its quantity (over 限购, more than is left): the quantity that would pass,
 * offered as 改为 N 件. Null when lowering cannot help (sold out, off sale, unknown) or nothing is left.
 */
export function fixedQuantity(
  line: Pick<OrderPreviewLine, 'remaining' | 'limitLeft' | 'problem'>,
): number | null {
  const kind = line.problem?.kind;
  if (kind !== 'over_limit' && kind !== 'insufficient_stock' && kind !== 'quantity_invalid') return null;
  const max = previewLineMax(line);
  return max > 0 ? max : null;
}

/** Order lines in a page query: `4x1,6x2` (item 4 × 1, item 6 × 2). */
export function encodeLines(lines: OrderLineInput[]): string {
  return lines.map((line) => `${line.itemId}x${line.quantity}`).join(',');
}

/** The lines of a page query, or null when it is missing or malformed. */
export function parseLines(text: string | undefined): OrderLineInput[] | null {
  if (!text) return null;
  const parts = decodeURIComponent(text).split(',');
  const lines: OrderLineInput[] = [];
  for (const part of parts) {
    const match = /^(\d{1,9})x(\d{1,3})$/.exec(part.trim());
    if (!match) return null;
    const line = { itemId: Number(match[1]), quantity: Number(match[2]) };
    if (line.itemId <= 0 || line.quantity <= 0) return null;
    if (lines.some((l) => l.itemId === line.itemId)) return null;
    lines.push(line);
  }
  return lines.length > 0 && lines.length <= MAX_LINES_PER_CAMPAIGN ? lines : null;
}

// ---- The store: the current member's cart in Taro storage ----------------------------------------------

const STORAGE_KEY = 'linli.cart';

type Listener = (lines: CartLine[]) => void;
const listeners = new Set<Listener>();

function currentOwner(): CartOwner {
  const member = currentMember();
  return { memberId: member?.id ?? null, leaderId: member?.currentLeader?.id ?? null };
}

function readBook(): CartBook {
  return parseBook(Taro.getStorageSync<unknown>(STORAGE_KEY));
}

function writeBook(book: CartBook): void {
  Taro.setStorageSync(STORAGE_KEY, JSON.stringify(book));
}

/** The lines of the current leader's cart, after adopting lines added before a leader was chosen. */
function currentLines(): CartLine[] {
  const owner = currentOwner();
  const stored = readBook();
  const book = adoptUnboundLines(stored, owner);
  if (book !== stored) writeBook(book);
  return book[cartKeyOf(owner)] ?? [];
}

function update(change: (lines: CartLine[]) => CartLine[]): CartLine[] {
  const owner = currentOwner();
  const key = cartKeyOf(owner);
  const book = adoptUnboundLines(readBook(), owner);
  const lines = change(book[key] ?? []);
  if (lines.length > 0) book[key] = lines;
  else delete book[key];
  writeBook(book);
  for (const listener of listeners) listener(lines);
  return lines;
}

export const cart = {
  lines: currentLines,

  /** Adds up to `max` in total; resolves how many were really added. */
  add(line: CartLine, max?: number): number {
    let added = 0;
    update((lines) => {
      const result = addLine(lines, line, max);
      added = result.added;
      return result.lines;
    });
    return added;
  },

  setQuantity(line: CartLine): void {
    update((lines) => setLineQuantity(lines, line));
  },

  remove(removed: Array<Pick<CartLine, 'campaignId' | 'itemId'>>): void {
    update((lines) => removeLines(lines, removed));
  },

  /** Called with the current leader's lines after every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
