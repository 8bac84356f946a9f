import type { DynamicModule, Type } from '@nestjs/common';
import type { Response, Test } from 'supertest';
import { ROLE_PERMISSIONS, type Permission, type StaffRole } from '@linli/shared-types';
import { application, apply } from '../modules/leaders/leaders-test-kit';
import { devLogin, seededLeaders } from '../modules/members/members-test-kit';
import { bearer, createStaffAndLogin, loginAsAdmin, seedDemo } from '../modules/support/modules-test-kit';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Shared cast for authorization specs: the seeded demo data, a staff member of every role, two leaders
 * (A = 王丽华, B = 陈建国) and two buyers, one bound to each leader. Every spec file builds its own world
 * on a fresh database, so the files stay independent.
 */
export interface Party {
  token: string;
  memberId: number;
}
export interface LeaderParty extends Party {
  leaderId: number;
  inviteCode: string;
}

export type NonAdminRole = Exclude<StaffRole, 'admin'>;

export interface AuthzWorld {
  t: TestApp;
  adminToken: string;
  /** An access token per non-admin role (each staff member holds exactly that one role). */
  staffTokens: Record<NonAdminRole, string>;
  staffIds: Record<NonAdminRole, number>;
  leaderA: LeaderParty;
  leaderB: LeaderParty;
  /** Bound to leader A. */
  buyerA: Party;
  /** Bound to leader B. */
  buyerB: Party;
}

const NON_ADMIN_ROLES: NonAdminRole[] = ['operator', 'finance', 'warehouse', 'service'];

export async function createAuthzWorld(
  options: { modules?: Array<Type<unknown> | DynamicModule> } = {},
): Promise<AuthzWorld> {
  const t = await createTestApp({
    env: { DEV_LOGIN: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    modules: options.modules,
  });
  await seedDemo(t);
  const adminToken = (await loginAsAdmin(t)).accessToken;
  const staffTokens = {} as Record<NonAdminRole, string>;
  const staffIds = {} as Record<NonAdminRole, number>;
  for (const role of NON_ADMIN_ROLES) {
    const staff = await createStaffAndLogin(t, adminToken, [role]);
    staffTokens[role] = staff.session.accessToken;
    staffIds[role] = staff.id;
  }
  const leaders = await seededLeaders(t);
  const leaderParty = async (openid: string, name: string): Promise<LeaderParty> => {
    const session = await devLogin(t, openid);
    const leader = leaders[name];
    return {
      token: session.accessToken,
      memberId: session.member.id,
      leaderId: leader.id,
      inviteCode: leader.inviteCode,
    };
  };
  const buyerParty = async (openid: string): Promise<Party> => {
    const session = await devLogin(t, openid);
    return { token: session.accessToken, memberId: session.member.id };
  };
  return {
    t,
    adminToken,
    staffTokens,
    staffIds,
    leaderA: await leaderParty('leader-wang', '王丽华'),
    leaderB: await leaderParty('leader-chen', '陈建国'),
    buyerA: await buyerParty('demo-buyer'),
    buyerB: await buyerParty('member-sun'),
  };
}

/** Non-admin roles that do NOT hold `permission` (from ROLE_PERMISSIONS, so a role change updates the specs). */
export function rolesLacking(permission: Permission): NonAdminRole[] {
  return NON_ADMIN_ROLES.filter((role) => !ROLE_PERMISSIONS[role].includes(permission));
}

/** Somebody calling a route, and how the route must answer them. */
export interface Caller {
  label: string;
  token: (w: AuthzWorld) => string | null;
  status: 401 | 403 | 404;
  code: string;
}

/**
 * Everybody who must be refused by an admin route guarded by `permission`: every staff role without it
 * (403), a buyer's and a leader's member token (401: the admin area takes staff tokens only), no token.
 */
export function adminCallersWithout(permission: Permission): Caller[] {
  const roles = rolesLacking(permission);
  if (roles.length === 0) throw new Error(`every role holds ${permission}: nobody to refuse`);
  return [
    ...roles.map<Caller>((role) => ({
      label: `staff role ${role} (no ${permission})`,
      token: (w) => w.staffTokens[role],
      status: 403,
      code: 'FORBIDDEN',
    })),
    { label: 'buyer A (member token)', token: (w) => w.buyerA.token, status: 401, code: 'UNAUTHENTICATED' },
    { label: 'leader A (member token)', token: (w) => w.leaderA.token, status: 401, code: 'UNAUTHENTICATED' },
    { label: 'no token', token: () => null, status: 401, code: 'UNAUTHENTICATED' },
  ];
}

/** Staff tokens on an app route (the app area takes member tokens only). */
export function staffCallersOnApp(): Caller[] {
  return [
    { label: 'admin (staff token)', token: (w) => w.adminToken, status: 401, code: 'UNAUTHENTICATED' },
    { label: 'no token', token: () => null, status: 401, code: 'UNAUTHENTICATED' },
  ];
}

export function withToken(test: Test, token: string | null): Test {
  return token ? test.set(...bearer(token)) : test;
}

/**
 * For each caller: the request is refused with the expected status and error code, and the database
 * is exactly as before (see `snapshotDatabase`).
 */
export function itRefuses(
  world: () => AuthzWorld,
  callers: Caller[],
  send: (w: AuthzWorld, token: string | null) => Test,
): void {
  it.each(callers)('refuses $label with $status $code and changes nothing', async (caller) => {
    const w = world();
    await expectRefusedAndUnchanged(w.t, () => send(w, caller.token(w)), caller.status, caller.code);
  });
}

export async function expectRefusedAndUnchanged(
  t: TestApp,
  send: () => Test | Promise<Response>,
  status: number,
  code: string,
): Promise<Response> {
  const before = await snapshotDatabase(t);
  const res = await send();
  expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status, code });
  expect(await snapshotDatabase(t)).toEqual(before);
  return res;
}

/** Tables whose rows a background process rewrites (the outbox relay): only their row count is compared. */
const COUNT_ONLY_TABLES = new Set(['outbox_events', 'outbox_failures', 'processed_events']);
/** Bookkeeping, not data a request could change. */
const SKIPPED_TABLES = new Set(['migrations', 'sqlite_sequence']);
/** Columns that record activity rather than state (a member's own request may mark them active). */
const VOLATILE_COLUMNS: Record<string, string[]> = { members: ['last_active_at'] };

export type DatabaseSnapshot = Record<string, string[] | number>;

/**
 * Every table of the database, every row (as sorted JSON lines), so "changes nothing" covers tables a
 * future write might touch too — including the audit log.
 */
export async function snapshotDatabase(t: TestApp): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = {};
  for (const table of await tableNames(t)) {
    if (SKIPPED_TABLES.has(table)) continue;
    if (COUNT_ONLY_TABLES.has(table)) {
      const rows = (await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{
        n: number | string;
      }>;
      snapshot[table] = Number(rows[0].n);
      continue;
    }
    const rows = (await t.dataSource.query(`SELECT * FROM ${table}`)) as Array<Record<string, unknown>>;
    const volatile = VOLATILE_COLUMNS[table] ?? [];
    snapshot[table] = rows
      .map((row) => {
        for (const column of volatile) delete row[column];
        return JSON.stringify(row);
      })
      .sort();
  }
  return snapshot;
}

async function tableNames(t: TestApp): Promise<string[]> {
  if (t.config.database.type === 'mysql') {
    const rows = (await t.dataSource.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
    )) as Array<{ name: string }>;
    return rows.map((r) => r.name).sort();
  }
  const rows = (await t.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'")) as Array<{
    name: string;
  }>;
  return rows.map((r) => r.name).sort();
}

/** A member row straight from the table, for checks on one member. */
export async function memberRow(t: TestApp, memberId: number): Promise<Record<string, unknown>> {
  const rows = (await t.dataSource.query('SELECT * FROM members WHERE id = ?', [memberId])) as Array<
    Record<string, unknown>
  >;
  const row = { ...rows[0] };
  delete row.last_active_at;
  return row;
}

/** A new member applies to become a leader (optionally recruited by `inviteCode`); the leader id. */
export async function newApplicant(
  w: AuthzWorld,
  openid: string,
  name: string,
  inviteCode?: string,
): Promise<{ leaderId: number; token: string; memberId: number }> {
  const session = await devLogin(w.t, openid);
  const res = await apply(
    w.t,
    session.accessToken,
    application({
      name,
      inviteCode,
      pickupPoint: {
        name: `${name}的自提点`,
        address: `杭州市西湖区测试路 ${openid} 号`,
        latitude: 30.27,
        longitude: 120.15,
        openingHours: '每天 08:00–20:00',
      },
    }),
  );
  if (res.status !== 201) throw new Error(`apply ${openid}: ${res.status} ${JSON.stringify(res.body)}`);
  return { leaderId: Number(res.body.leaderId), token: session.accessToken, memberId: session.member.id };
}

/** Runs an admin leader action that must succeed (setting the stage, not under test). */
export async function adminLeaderAction(
  w: AuthzWorld,
  leaderId: number,
  action: 'approve' | 'reject' | 'suspend' | 'reactivate',
): Promise<void> {
  const res = await w.t
    .http()
    .post(`/api/admin/leaders/${leaderId}/${action}`)
    .set(...bearer(w.adminToken))
    .send(action === 'reject' || action === 'suspend' ? { reason: '测试准备' } : {});
  if (res.status !== 200) throw new Error(`${action} ${leaderId}: ${res.status} ${JSON.stringify(res.body)}`);
}
