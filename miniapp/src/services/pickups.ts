import {
  ErrorCode,
  type ConfirmArrivalRequest,
  type ConfirmArrivalResponse,
  type LeaderPickupCampaign,
  type LeaderPickupOrder,
  type LeaderPickupQuery,
  type Paged,
  type PickupCodeRequest,
} from '@linli/shared-types';
import { get, post } from './request';

/** The leader's self-pickup desk (待提货订单, 确认到货, 核销). All silent: the screens show errors in place. */

export function fetchLeaderPickups(query: LeaderPickupQuery): Promise<Paged<LeaderPickupOrder>> {
  const params: Record<string, string | number> = {};
  if (query.status) params.status = query.status;
  if (query.campaignId) params.campaignId = query.campaignId;
  if (query.keyword) params.keyword = query.keyword;
  if (query.page) params.page = query.page;
  if (query.pageSize) params.pageSize = query.pageSize;
  return get<Paged<LeaderPickupOrder>>('/api/app/leader/pickups', params, { silent: true });
}

export function fetchPickupCampaigns(): Promise<LeaderPickupCampaign[]> {
  return get<LeaderPickupCampaign[]>('/api/app/leader/pickups/campaigns', undefined, { silent: true });
}

export function confirmArrival(campaignId: number): Promise<ConfirmArrivalResponse> {
  const body: ConfirmArrivalRequest = { campaignId };
  return post<ConfirmArrivalResponse>('/api/app/leader/pickups/arrive', body, { silent: true });
}

/** What a code (6 digits, or the text of the buyer's QR) would hand over; changes nothing. */
export function lookupPickupCode(code: string): Promise<LeaderPickupOrder> {
  const body: PickupCodeRequest = { code };
  return post<LeaderPickupOrder>('/api/app/leader/pickups/lookup', body, { silent: true });
}

/** 确认提货: hands the order over (→ 已提货). */
export function verifyPickupCode(code: string): Promise<LeaderPickupOrder> {
  const body: PickupCodeRequest = { code };
  return post<LeaderPickupOrder>('/api/app/leader/pickups/verify', body, { silent: true });
}

// ---- Helpers of the 核销 screen --------------------------------------------------------------------------

export const PICKUP_CODE_LENGTH = 6;

/** What the code box keeps of the typed text: digits only (spaces, dashes from a pasted "493 215" go). */
export function typedPickupCode(input: string): string {
  return input.replace(/\D/g, '').slice(0, PICKUP_CODE_LENGTH);
}

export function isCompletePickupCode(code: string): boolean {
  return new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`).test(code);
}

/** A scanned QR's text as the server takes it: the buyer's `LINLI-PICKUP:<orderNo>:<code>`, else null. */
export function scannedPickupCode(result: string): string | null {
  const text = result.trim();
  if (/^LINLI-PICKUP:[0-9A-Za-z_-]+:\d{6}$/.test(text)) return text;
  // A scanner that read only the code.
  return isCompletePickupCode(text) ? text : null;
}

/** "493 215": easier to read aloud and compare at the counter. */
export function spacedPickupCode(code: string): string {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** How the 核销 screen titles a refusal; the server's message is shown under it. */
export function pickupRefusalTitle(code: string): string {
  switch (code) {
    case ErrorCode.PICKUP_CODE_INVALID:
      return '没有找到这笔订单';
    case ErrorCode.PICKUP_CODE_OTHER_LEADER:
      return '不是你自提点的订单';
    case ErrorCode.PICKUP_ALREADY_DONE:
      return '这笔订单已经提过货';
    case ErrorCode.PICKUP_NOT_READY:
      return '订单还不能提货';
    default:
      return '核销没有成功';
  }
}
