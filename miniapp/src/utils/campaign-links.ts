/**
 * Links between the buyer's campaign and product pages. `leaderCode` is the code of the share card or
 * poster the buyer came from: the server shows a campaign not offered at the buyer's own leader only with
 * it, so it travels on from the campaign page to its product pages (and back).
 */

function withLeaderCode(path: string, leaderCode: string | null | undefined): string {
  return leaderCode ? `${path}&leaderCode=${encodeURIComponent(leaderCode)}` : path;
}

export function campaignPageUrl(id: number, leaderCode?: string | null): string {
  return withLeaderCode(`/pages/campaign/index?id=${id}`, leaderCode);
}

export function productPageUrl(campaignId: number, productId: number, leaderCode?: string | null): string {
  return withLeaderCode(`/pages/product/index?campaignId=${campaignId}&productId=${productId}`, leaderCode);
}

/** The query of the campaign and product APIs: the link's leader code, when there is one. */
export function linkQuery(leaderCode: string | null | undefined): { leaderCode: string } | undefined {
  return leaderCode ? { leaderCode } : undefined;
}
