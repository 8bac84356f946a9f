// Orders made through the real buyer and leader APIs for the order-centre browser tests: a buyer arrives
// through a leader's share link, orders from a live campaign, pays through the payment simulator (the same
// notification pipeline as WeChat Pay) and the leader hands the goods over with the pickup code.
import { randomInt, randomUUID } from 'node:crypto';
import type {
  CampaignItemView,
  CampaignView,
  CreateOrderRequest,
  LeaderListItem,
  LeaderPickupOrder,
  MemberProfile,
  OrderDetail,
  Paged,
  PayOrderResponse,
} from '@linli/shared-types';
import { call, devLogin } from './api';
import { baseUrl } from './browser';

/** Dev-login openids of the demo leaders (server/src/seed/demo-data.ts). */
export const DEMO_LEADER_OPENIDS = {
  王丽华: 'leader-wang',
  陈建国: 'leader-chen',
  刘晓燕: 'leader-liu',
} as const;

async function ok<T>(
  method: string,
  path: string,
  expected: number,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const res = await call<T>(method, path, options);
  if (res.status !== expected)
    throw new Error(
      `${method} ${path} → HTTP ${res.status} (expected ${expected}): ${JSON.stringify(res.body)}`,
    );
  return res.body;
}

/** The active leader named `name` (their invite code brings buyers to them). */
export async function activeLeader(adminToken: string, name: string): Promise<LeaderListItem> {
  const page = await ok<Paged<LeaderListItem>>(
    'GET',
    `/api/admin/leaders?status=active&keyword=${encodeURIComponent(name)}`,
    200,
    { token: adminToken },
  );
  const leader = page.items.find((l) => l.name === name);
  if (!leader) throw new Error(`no active leader named ${name}`);
  return leader;
}

export interface Buyer {
  token: string;
  memberId: number;
  nickname: string;
  phone: string;
}

/** A new buyer bound to the leader of `leaderCode` (arrived through a share card), with a typed phone. */
export async function newBuyer(leaderCode: string, nickname: string): Promise<Buyer> {
  const login = await devLogin(`e2e-buyer-${randomUUID()}`, {
    nickname,
    entry: { leaderCode, channel: 'share_card' },
  });
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  await ok<MemberProfile>('POST', '/api/app/me/phone', 200, { token: login.accessToken, body: { phone } });
  return { token: login.accessToken, memberId: login.member.id, nickname, phone };
}

/** A live campaign offered at the buyer's leader with at least `lines` items a buyer can still order. */
export async function orderableCampaign(
  buyerToken: string,
  lines: number,
): Promise<{ campaign: CampaignView; items: CampaignItemView[] }> {
  const campaigns = await ok<CampaignView[]>('GET', '/api/app/campaigns', 200, { token: buyerToken });
  for (const campaign of campaigns) {
    // Flash sales have their own rules; a campaign past its cut-off (still live until it ends) takes no orders.
    if (campaign.flashSale || Date.parse(campaign.cutoffAt) <= Date.now()) continue;
    const items = campaign.items.filter((i) => i.remaining >= 5 && i.perMemberLimit === 0);
    if (items.length >= lines) return { campaign, items };
  }
  throw new Error(
    `no live campaign with ${lines} unlimited items in stock: ${campaigns.map((c) => c.title)}`,
  );
}

/** POST /api/app/orders with a fresh idempotency key; the server prices it. */
export async function placeOrder(buyerToken: string, body: CreateOrderRequest): Promise<OrderDetail> {
  // `call` sends no extra headers, and checkout insists on an Idempotency-Key.
  const res = await fetch(`${baseUrl()}/api/app/orders`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${buyerToken}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/app/orders → HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as OrderDetail;
}

/** Pays through the simulator: prepay, then the buyer "confirms" and a signed notification is applied. */
export async function payOrder(buyerToken: string, orderId: number): Promise<OrderDetail> {
  const pay = await ok<PayOrderResponse>('POST', `/api/app/orders/${orderId}/pay`, 200, {
    token: buyerToken,
  });
  if (pay.provider !== 'simulator') throw new Error(`expected the simulator provider, got ${pay.provider}`);
  return ok<OrderDetail>('POST', `/api/app/payments/simulator/${pay.outTradeNo}/pay`, 200, {
    token: buyerToken,
  });
}

/** The leader's own member token (leaders use the mini-program as members). */
export async function leaderToken(openid: string): Promise<string> {
  return (await devLogin(openid)).accessToken;
}

/** 核销: the leader hands the goods over against the buyer's pickup code. */
export function verifyPickup(leaderAccessToken: string, code: string): Promise<LeaderPickupOrder> {
  return ok<LeaderPickupOrder>('POST', '/api/app/leader/pickups/verify', 200, {
    token: leaderAccessToken,
    body: { code },
  });
}
