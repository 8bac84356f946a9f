import Taro from '@tarojs/taro';
import { type MemberEntry } from '@linli/shared-types';
import { type QueryLike } from '@/utils/invite-code';
import { firstEntry, parseSearch } from '@/utils/member-entry';

/**
 * The entry (leader link / poster) this run of the app was opened through. Login sends it so the
 * server can attribute a new member and bind an unbound one; the server decides, we only carry it.
 * Kept in memory: a new run (a new link) brings its own.
 */

let pending: MemberEntry | null = null;
/** True once a login carried `pending` to the server. */
let delivered = false;

function launchQuery(): QueryLike {
  try {
    return Taro.getLaunchOptionsSync().query as QueryLike;
  } catch {
    return null; // H5 and some runtimes have no launch options
  }
}

function browserQuery(): QueryLike {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  return parseSearch(window.location.search);
}

/** Records the entry of a launch or of the app coming back to the front through a new link. */
export function captureEntry(...queries: QueryLike[]): void {
  const entry = firstEntry(...queries, launchQuery(), browserQuery());
  if (!entry) return;
  if (
    entry.leaderCode !== pending?.leaderCode ||
    entry.communityCode !== pending?.communityCode ||
    entry.channel !== pending?.channel
  ) {
    pending = entry;
    delivered = false;
  }
}

/** The entry for the next login (captured lazily when no launch hook ran yet). */
export function entryForLogin(): MemberEntry | undefined {
  if (!pending) captureEntry();
  return pending ?? undefined;
}

export function markEntryDelivered(): void {
  delivered = true;
}

/** A leader link that no login has carried yet: an unbound member logs in again so it can bind them. */
export function hasUndeliveredLeaderEntry(): boolean {
  if (!pending) captureEntry();
  return Boolean(pending?.leaderCode) && !delivered;
}

/** A community invite that no login or join has carried yet: a signed-in member joins it in place. */
export function undeliveredCommunityCode(): string | null {
  if (!pending) captureEntry();
  return !delivered && pending?.communityCode ? pending.communityCode : null;
}
