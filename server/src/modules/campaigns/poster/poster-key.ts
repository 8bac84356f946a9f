import { createHash } from 'node:crypto';
import type { PosterContent } from './poster-renderer';

/** Bumped when the drawing changes, so posters cached under the old layout are drawn again. */
export const POSTER_LAYOUT_VERSION = 1;

/**
 * The storage key of a poster: a hash of everything drawn (and the campaign's updatedAt), in a dated
 * folder of the campaign's creation day, shaped like every other storage key (`YYYY/MM/DD/<32 hex>.png`).
 * The same content always maps to the same key, so a poster is drawn once and then served from storage.
 */
export function posterKey(content: PosterContent, campaign: { createdAt: Date; updatedAt: Date }): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify({ v: POSTER_LAYOUT_VERSION, updatedAt: campaign.updatedAt.toISOString(), content }),
    )
    .digest('hex')
    .slice(0, 32);
  const day = campaign.createdAt.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/${hash}.png`;
}
