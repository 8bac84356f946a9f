import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorCode, type OrderPreview } from '@linli/shared-types';
import { encodeLines, type CartGroup } from '@/services/cart';
import { previewOrder } from '@/services/orders';
import { ApiError } from '@/services/request';

/** The server's view of one campaign's cart lines: prices, problems, whether it can be ordered. */
export type GroupPreview =
  /** `preview` is the previous answer, kept on screen while the lines are priced again. */
  | { state: 'loading'; preview: OrderPreview | null }
  | { state: 'ready'; preview: OrderPreview }
  /** The campaign is no longer visible to the buyer (ended long ago, not offered at their leader). */
  | { state: 'gone'; message: string }
  | { state: 'error'; message: string; preview: OrderPreview | null };

function previewOf(current: GroupPreview | undefined): OrderPreview | null {
  return current && 'preview' in current ? current.preview : null;
}

/**
 * Prices every campaign group of the cart with POST /api/app/orders/preview, again whenever a group's
 * lines change. Answers for lines that changed meanwhile are dropped, so the newest lines win.
 */
export function useGroupPreviews(groups: CartGroup[], enabled: boolean) {
  const [previews, setPreviews] = useState<Record<number, GroupPreview>>({});
  /** The lines (encoded) last sent per campaign. */
  const requested = useRef(new Map<number, string>());

  const load = useCallback(async (group: CartGroup) => {
    const key = encodeLines(group.lines);
    requested.current.set(group.campaignId, key);
    setPreviews((all) => ({
      ...all,
      [group.campaignId]: { state: 'loading', preview: previewOf(all[group.campaignId]) },
    }));
    let next: GroupPreview;
    try {
      const preview = await previewOrder({
        campaignId: group.campaignId,
        lines: group.lines.map(({ itemId, quantity }) => ({ itemId, quantity })),
      });
      next = { state: 'ready', preview };
    } catch (caught) {
      const message = caught instanceof ApiError ? caught.message : '加载失败，请稍后重试';
      next =
        caught instanceof ApiError && caught.code === ErrorCode.CAMPAIGN_NOT_FOUND
          ? { state: 'gone', message }
          : { state: 'error', message, preview: null };
    }
    if (requested.current.get(group.campaignId) !== key) return;
    setPreviews((all) => ({
      ...all,
      [group.campaignId]:
        next.state === 'error' ? { ...next, preview: previewOf(all[group.campaignId]) } : next,
    }));
  }, []);

  useEffect(() => {
    if (!enabled) return;
    for (const group of groups) {
      if (requested.current.get(group.campaignId) !== encodeLines(group.lines)) void load(group);
    }
    // Groups that left the cart: forget them, so adding them again prices them again.
    for (const campaignId of [...requested.current.keys()]) {
      if (!groups.some((g) => g.campaignId === campaignId)) requested.current.delete(campaignId);
    }
  }, [groups, enabled, load]);

  /** Prices everything again (pull-down refresh, page shown again: stock and limits move). */
  const refreshAll = useCallback(() => {
    for (const group of groups) void load(group);
  }, [groups, load]);

  return { previews, retry: load, refreshAll };
}
