import type { MemberDetail, MemberEntry, MemberLoginResponse } from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { bearer, countRows } from '../support/modules-test-kit';

export interface SeededLeader {
  id: number;
  name: string;
  inviteCode: string;
}

/** The seeded leaders by name (王丽华, 陈建国, 刘晓燕). */
export async function seededLeaders(t: TestApp): Promise<Record<string, SeededLeader>> {
  const rows = (await t.dataSource.query('SELECT id, name, invite_code FROM leaders ORDER BY id')) as Array<{
    id: number | string;
    name: string;
    invite_code: string;
  }>;
  return Object.fromEntries(
    rows.map((r) => [r.name, { id: Number(r.id), name: r.name, inviteCode: r.invite_code }]),
  );
}

export async function devLogin(
  t: TestApp,
  openid: string,
  entry?: MemberEntry,
): Promise<MemberLoginResponse> {
  const res = await t
    .http()
    .post('/api/app/auth/dev-login')
    .send(entry ? { openid, entry } : { openid });
  if (res.status !== 200) throw new Error(`dev-login ${openid}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MemberLoginResponse;
}

export async function memberDetail(t: TestApp, adminToken: string, id: number): Promise<MemberDetail> {
  const res = await t
    .http()
    .get(`/api/admin/members/${id}`)
    .set(...bearer(adminToken));
  if (res.status !== 200) throw new Error(`member ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MemberDetail;
}

/** Rows of every table a binding write touches. */
export async function bindingCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = ['members', 'member_bindings', 'audit_logs'];
  const counts = await Promise.all(tables.map((table) => countRows(t, table)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]]));
}

/** Current leader per member id, straight from the table. */
export async function currentLeaders(t: TestApp): Promise<Map<number, number | null>> {
  const rows = (await t.dataSource.query('SELECT id, current_leader_id FROM members')) as Array<{
    id: number | string;
    current_leader_id: number | string | null;
  }>;
  return new Map(
    rows.map((r) => [Number(r.id), r.current_leader_id === null ? null : Number(r.current_leader_id)]),
  );
}

/**
 * Every member's history chains: each row starts where the previous one ended, and the last one ends
 * at the member's current leader.
 */
export async function expectConsistentHistories(t: TestApp): Promise<void> {
  const rows = (await t.dataSource.query(
    'SELECT member_id, from_leader_id, to_leader_id FROM member_bindings ORDER BY member_id, id',
  )) as Array<{
    member_id: number | string;
    from_leader_id: number | string | null;
    to_leader_id: number | string;
  }>;
  const last = new Map<number, number | null>();
  for (const row of rows) {
    const memberId = Number(row.member_id);
    const from = row.from_leader_id === null ? null : Number(row.from_leader_id);
    expect({ memberId, from }).toEqual({ memberId, from: last.get(memberId) ?? null });
    last.set(memberId, Number(row.to_leader_id));
  }
  for (const [memberId, current] of await currentLeaders(t)) {
    expect({ memberId, current }).toEqual({ memberId, current: last.get(memberId) ?? null });
  }
}
