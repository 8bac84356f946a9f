/** The mini-program page a share opens; the same page serves the H5 build. */
export const CAMPAIGN_PAGE = 'pages/campaign/index';

/** Scene of the mini-program code: campaign and the leader's invite code (≤ 32 characters). */
export function campaignScene(campaignId: number, inviteCode: string): string {
  return `g=${campaignId}&l=${inviteCode}`;
}

/** Path of the share card (onShareAppMessage). */
export function campaignSharePath(campaignId: number, inviteCode: string): string {
  return `/${CAMPAIGN_PAGE}?id=${campaignId}&leaderCode=${encodeURIComponent(inviteCode)}&channel=share_card`;
}

/**
 * The H5 link the QR carries. The H5 router runs in browser mode under /h5, so the page is a path
 * (`/h5/pages/campaign/index?…`); `publicBaseUrl` has no trailing slash (as for community invites).
 */
export function campaignH5Link(publicBaseUrl: string, campaignId: number, inviteCode: string): string {
  return `${publicBaseUrl}/h5/${CAMPAIGN_PAGE}?id=${campaignId}&leaderCode=${encodeURIComponent(inviteCode)}&channel=poster`;
}
