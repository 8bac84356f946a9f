import { MemberChannel, type MemberEntry } from '@linli/shared-types';
import { campaignPageUrl } from './campaign-links';
import { normalizeInviteCode } from './leader-application';
import { type QueryLike } from './invite-code';

/**
 * Where a buyer came from, read from a launch / page query, for the `entry` of the first login:
 * - share card: `?leaderCode=XXXX&channel=share_card` (the path onShareAppMessage hands out);
 * - poster (mini-program code): WeChat passes our `scene` URL-encoded in `query.scene`; it is the bare
 *   leader code or `leaderCode=XXXX`; a campaign poster's scene is `g=<campaignId>&l=<leaderCode>`
 *   (short keys: a scene is at most 32 chars) and opens pages/campaign/index;
 * - community invite (社群二维码/链接): `?communityCode=XXXX` on H5, scene `c=XXXX` in a mini-program code
 *   (a scene is at most 32 chars, hence the short key). It wins over a leader code.
 * The server ignores codes that name no active leader, so the client only filters out obvious junk.
 */

const PLAUSIBLE_CODE = /^[A-Z0-9]{4,16}$/;
const SCENE_KEYS = ['leaderCode', 'l'];
const CAMPAIGN_SCENE_KEY = 'g';
const COMMUNITY_SCENE_KEY = 'c';
const CHANNELS = new Set<string>(Object.values(MemberChannel));

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function plausibleCode(value: string | undefined): string | null {
  if (!value) return null;
  const code = normalizeInviteCode(safeDecode(value));
  return PLAUSIBLE_CODE.test(code) ? code : null;
}

function channelOf(value: string | undefined): MemberChannel | null {
  return value && CHANNELS.has(value) ? (value as MemberChannel) : null;
}

function scenePairs(decoded: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of decoded.split('&')) {
    const [key, ...rest] = part.split('=');
    if (key) pairs.set(key.trim(), rest.join('='));
  }
  return pairs;
}

/** The community invite code a mini-program code `scene` (`c=XXXX`) carries, or null. */
export function communityCodeFromScene(scene: string | undefined): string | null {
  if (!scene) return null;
  const decoded = safeDecode(scene).trim();
  if (!decoded.includes('=')) return null;
  return plausibleCode(scenePairs(decoded).get(COMMUNITY_SCENE_KEY));
}

/** The leader code a poster `scene` carries, or null. */
export function leaderCodeFromScene(scene: string | undefined): string | null {
  if (!scene) return null;
  const decoded = safeDecode(scene).trim();
  if (!decoded.includes('=')) return plausibleCode(decoded);
  const pairs = scenePairs(decoded);
  for (const key of SCENE_KEYS) {
    const code = plausibleCode(pairs.get(key));
    if (code) return code;
  }
  return null;
}

/** The campaign a campaign page query names: `id` (share card, H5 link) or scene `g` (poster code). */
export function campaignIdFromQuery(query: QueryLike): number | null {
  if (!query) return null;
  const fromScene = query.scene
    ? scenePairs(safeDecode(query.scene).trim()).get(CAMPAIGN_SCENE_KEY)
    : undefined;
  for (const raw of [query.id, fromScene]) {
    if (raw && /^\d{1,9}$/.test(raw.trim())) {
      const id = Number(raw.trim());
      if (id > 0) return id;
    }
  }
  return null;
}

/** The entry a query describes, or null when it names no community, no leader and no channel. */
export function entryFromQuery(query: QueryLike): MemberEntry | null {
  if (!query) return null;
  const communityCode = plausibleCode(query.communityCode) ?? communityCodeFromScene(query.scene);
  if (communityCode) return { communityCode, channel: MemberChannel.GROUP_QR };
  const channel = channelOf(query.channel);
  const linkCode = plausibleCode(query.leaderCode);
  if (linkCode) return { leaderCode: linkCode, channel: channel ?? MemberChannel.SHARE_CARD };
  const sceneCode = leaderCodeFromScene(query.scene);
  if (sceneCode) return { leaderCode: sceneCode, channel: channel ?? MemberChannel.POSTER };
  // A channel alone (e.g. a search result link) still tells us how the buyer found us.
  return channel ? { channel } : null;
}

/** The first query that names a community or a leader wins; else the first that names a channel. */
export function firstEntry(...queries: QueryLike[]): MemberEntry | null {
  const entries = queries.map(entryFromQuery).filter((entry): entry is MemberEntry => entry !== null);
  return entries.find((entry) => entry.communityCode || entry.leaderCode) ?? entries[0] ?? null;
}

/** Parses `?a=1&b=2` (H5's location.search) into a query object. */
export function parseSearch(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) query[key] = value;
  return query;
}

/** The query of a share path for a leader: what onShareAppMessage hands out. */
export function shareCardPath(page: string, leaderCode: string): string {
  return `${page}?leaderCode=${encodeURIComponent(leaderCode)}&channel=${MemberChannel.SHARE_CARD}`;
}

/**
 * H5 runs a browser-history router under /h5, but links of the form `/h5/#/pages/campaign/index?id=…`
 * (hash style) still reach us: this returns the page path and query such a hash names
 * (`/pages/campaign/index?id=…`), keeping any query before the hash (e.g. the dev `openid`), or null
 * when the hash is not a page route.
 */
export function pageRouteOfHash(hash: string, search = ''): string | null {
  const match = /^#(\/pages\/[a-z0-9-]+\/index)(?:\?([^#]*))?$/i.exec(hash);
  if (!match) return null;
  const query = [match[2], search.replace(/^\?/, '')].filter(Boolean).join('&');
  return query ? `${match[1]}?${query}` : match[1];
}

/** The share card path of a campaign page; with a leader code, friends who open it are attributed to them. */
export function campaignSharePath(campaignId: number, leaderCode: string | null): string {
  const page = campaignPageUrl(campaignId, leaderCode);
  return leaderCode ? `${page}&channel=${MemberChannel.SHARE_CARD}` : page;
}
