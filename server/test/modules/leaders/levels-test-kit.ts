import type { LeaderLevel, LeaderLevelInput } from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { bearer } from '../support/modules-test-kit';

/** A datetime literal both SQLite and MySQL store as the UTC instant (as the entities do). */
export function sqlDateTime(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

export async function listLevels(t: TestApp, token: string): Promise<LeaderLevel[]> {
  const res = await t
    .http()
    .get('/api/admin/leader-levels')
    .set(...bearer(token));
  if (res.status !== 200) throw new Error(`levels: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as LeaderLevel[];
}

export function levelInput(overrides: Partial<LeaderLevelInput> = {}): LeaderLevelInput {
  return {
    name: '钻石团长',
    rank: 4,
    commissionRateBps: 1800,
    upgrade: { minGmv30dFen: 6_000_000, minActiveCustomers30d: 150 },
    keep: { minGmv30dFen: 3_000_000, minActiveCustomers30d: 80 },
    ...overrides,
  };
}

/** Sets one leader_daily_sales row (what orders will write in a later issue). */
export async function putDailySales(t: TestApp, leaderId: number, salesDate: string, gmvFen: number) {
  await t.dataSource.query('DELETE FROM leader_daily_sales WHERE leader_id = ? AND sales_date = ?', [
    leaderId,
    salesDate,
  ]);
  await t.dataSource.query(
    'INSERT INTO leader_daily_sales (leader_id, sales_date, gmv_fen, order_count) VALUES (?, ?, ?, 1)',
    [leaderId, salesDate, gmvFen],
  );
}

/** Marks exactly `count` of the leader's bound customers active now (and the others inactive). */
export async function setActiveCustomers(t: TestApp, leaderId: number, count: number): Promise<void> {
  const rows = (await t.dataSource.query('SELECT id FROM members WHERE current_leader_id = ? ORDER BY id', [
    leaderId,
  ])) as Array<{ id: number | string }>;
  if (rows.length < count) throw new Error(`leader ${leaderId} has only ${rows.length} customers`);
  const longAgo = sqlDateTime(new Date(Date.now() - 90 * 86_400_000));
  await t.dataSource.query('UPDATE members SET last_active_at = ? WHERE current_leader_id = ?', [
    longAgo,
    leaderId,
  ]);
  for (const row of rows.slice(0, count)) {
    await t.dataSource.query('UPDATE members SET last_active_at = ? WHERE id = ?', [
      sqlDateTime(new Date()),
      Number(row.id),
    ]);
  }
}
