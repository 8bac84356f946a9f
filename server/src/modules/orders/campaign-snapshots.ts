import { Injectable } from '@nestjs/common';
import { CampaignOrderingService, type OrderingCampaign } from '../campaigns';

/** How long a campaign snapshot is reused: a flash-sale rush reads the campaign once per this, not per request. */
const TTL_MS = 2000;

interface Entry {
  value: Promise<OrderingCampaign | null>;
  expiresAt: number;
}

/**
 * A very short in-process cache of what checkout reads about a campaign (status, window, items, prices).
 * Enough to refuse closed campaigns and bad lines without the database; whatever decides a sale (status,
 * cut-off, stock, caps, limits) is checked again inside the order's transaction.
 */
@Injectable()
export class CampaignSnapshots {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly campaigns: CampaignOrderingService) {}

  get(campaignId: number): Promise<OrderingCampaign | null> {
    const now = Date.now();
    const cached = this.entries.get(campaignId);
    if (cached && cached.expiresAt > now) return cached.value;
    // Concurrent callers share one load (single flight); a failed load is not kept.
    const value = this.campaigns.snapshot(campaignId);
    this.entries.set(campaignId, { value, expiresAt: now + TTL_MS });
    value.catch(() => this.entries.delete(campaignId));
    if (this.entries.size > 1000) this.evictExpired(now);
    return value;
  }

  private evictExpired(now: number): void {
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
