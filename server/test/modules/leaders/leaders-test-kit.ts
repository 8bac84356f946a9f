import type {
  LeaderApplicationRequest,
  LeaderListItem,
  MemberLoginResponse,
  Paged,
} from '@linli/shared-types';
import { CURRENT_LEADER_AGREEMENT } from '../../../src/modules/leaders';
import type { TestApp } from '../../support/test-app';
import { bearer, countRows } from '../support/modules-test-kit';

/** Logs a member in through the dev login (the seed's keys: `leader-wang`, `demo-buyer`, …; or a new one). */
export async function memberLogin(t: TestApp, openid: string): Promise<MemberLoginResponse> {
  const res = await t.http().post('/api/app/auth/dev-login').send({ openid });
  if (res.status !== 200)
    throw new Error(`dev-login ${openid} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MemberLoginResponse;
}

/** A complete, valid application; override what a test is about. */
export function application(overrides: Partial<LeaderApplicationRequest> = {}): LeaderApplicationRequest {
  return {
    name: '林晓燕',
    phone: '13900001111',
    pickupPoint: {
      name: '翠苑二区自提点',
      address: '杭州市西湖区翠苑二区 5 幢 1 单元底商',
      latitude: 30.28,
      longitude: 120.12,
      openingHours: '每天 08:00–21:00',
    },
    agreementVersion: CURRENT_LEADER_AGREEMENT.version,
    agreementAccepted: true,
    ...overrides,
  };
}

/** A seeded leader as the admin list shows it (finds the invite code, the id). */
export async function findLeader(t: TestApp, adminToken: string, keyword: string): Promise<LeaderListItem> {
  const res = await t
    .http()
    .get('/api/admin/leaders')
    .query({ keyword })
    .set(...bearer(adminToken));
  const page = res.body as Paged<LeaderListItem>;
  if (res.status !== 200 || page.items.length !== 1)
    throw new Error(`expected one leader for ${keyword}: ${res.status} ${JSON.stringify(res.body)}`);
  return page.items[0];
}

export function apply(t: TestApp, token: string, body: unknown) {
  return t
    .http()
    .post('/api/app/leader-applications')
    .set(...bearer(token))
    .send(body as object);
}

/** Rows of every table a leader write touches, to prove a refused request wrote nothing. */
export async function leaderCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['leaders', 'pickup_points', 'audit_logs', 'members'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(t, table);
  const statuses = (await t.dataSource.query(
    'SELECT status, COUNT(*) AS n FROM leaders GROUP BY status ORDER BY status',
  )) as Array<{ status: string; n: number | string }>;
  for (const row of statuses) counts[`status:${row.status}`] = Number(row.n);
  return counts;
}

/** Audit actions recorded for a leader, oldest first. */
export async function auditActions(t: TestApp, leaderId: number): Promise<string[]> {
  const rows = (await t.dataSource.query(
    "SELECT action FROM audit_logs WHERE entity_type = 'leader' AND entity_id = ? ORDER BY id",
    [String(leaderId)],
  )) as Array<{ action: string }>;
  return rows.map((r) => r.action);
}
