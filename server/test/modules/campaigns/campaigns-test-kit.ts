import type { CampaignDetail, CampaignInput } from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { bearer, countRows } from '../support/modules-test-kit';

export interface SeededSku {
  id: number;
  price: number;
  productId: number;
}

/** Active SKUs of on-sale products from the demo seed, oldest first. */
export async function sellableSkus(t: TestApp): Promise<SeededSku[]> {
  const rows = (await t.dataSource.query(
    `SELECT s.id AS id, s.price AS price, s.product_id AS productId FROM skus s
       JOIN products p ON p.id = s.product_id
      WHERE p.status = 'on_sale' AND s.status = 'active' AND p.kind = 'standard'
      ORDER BY s.id`,
  )) as Array<{ id: number | string; price: number | string; productId: number | string }>;
  return rows.map((r) => ({ id: Number(r.id), price: Number(r.price), productId: Number(r.productId) }));
}

const HOUR = 3_600_000;

/** A valid draft starting in a day; override what a test is about. */
export function campaignInput(
  skus: SeededSku[],
  overrides: Partial<CampaignInput> = {},
  now = Date.now(),
): CampaignInput {
  const startAt = new Date(now + 24 * HOUR);
  return {
    title: '周末鲜果团',
    coverKey: null,
    description: '产地直采，次日自提',
    startAt: startAt.toISOString(),
    cutoffAt: new Date(startAt.getTime() + 36 * HOUR).toISOString(),
    endAt: new Date(startAt.getTime() + 48 * HOUR).toISOString(),
    pickupDate: new Date(startAt.getTime() + 72 * HOUR).toISOString().slice(0, 10),
    audience: { kind: 'all', levelIds: [], leaderIds: [] },
    items: skus.slice(0, 2).map((sku) => ({
      skuId: sku.id,
      groupPrice: Math.max(0, sku.price - 100),
      originalPrice: sku.price,
      perMemberLimit: 2,
      stockCap: null,
    })),
    ...overrides,
  };
}

export async function createCampaign(
  t: TestApp,
  token: string,
  input: CampaignInput,
): Promise<CampaignDetail> {
  const res = await t
    .http()
    .post('/api/admin/campaigns')
    .set(...bearer(token))
    .send(input);
  if (res.status !== 201) throw new Error(`create campaign: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CampaignDetail;
}

export async function campaignAction(
  t: TestApp,
  token: string,
  id: number,
  action: 'schedule' | 'unschedule' | 'end',
): Promise<CampaignDetail> {
  const res = await t
    .http()
    .post(`/api/admin/campaigns/${id}/${action}`)
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`${action} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CampaignDetail;
}

/** Row counts of every table a campaign write touches, to prove a refused request wrote nothing. */
export async function campaignCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['campaigns', 'campaign_items', 'campaign_audience_targets', 'audit_logs']) {
    counts[table] = await countRows(t, table);
  }
  return counts;
}

export async function campaignStatus(t: TestApp, id: number): Promise<string> {
  const rows = (await t.dataSource.query('SELECT status FROM campaigns WHERE id = ?', [id])) as Array<{
    status: string;
  }>;
  return rows[0].status;
}

/** Polls until `check` holds (jobs run on their own timers), failing after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A UTC datetime literal both SQLite and MySQL take in a raw query. */
export function dbTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
