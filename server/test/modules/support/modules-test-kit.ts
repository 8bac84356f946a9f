import type { StaffLoginResponse, StaffRole } from '@linli/shared-types';
import { DEMO_ADMIN_PASSWORD } from '../../../src/platform/config/app-config';
import { DemoSeedService } from '../../../src/seed/demo-seed';
import type { TestApp } from '../../support/test-app';

/** Seeds the demo data into the test app (as `npm start` does on a fresh database). */
export async function seedDemo(t: TestApp): Promise<void> {
  const result = await t.app.get(DemoSeedService).seedIfEmpty();
  if (!result.seeded) throw new Error('expected the demo seed to run on a fresh database');
}

export async function login(t: TestApp, username: string, password: string): Promise<StaffLoginResponse> {
  const res = await t.http().post('/api/admin/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as StaffLoginResponse;
}

/** Logs in as the seeded admin (password from ADMIN_INITIAL_PASSWORD, default linli2026). */
export function loginAsAdmin(t: TestApp): Promise<StaffLoginResponse> {
  return login(t, 'admin', t.config.adminInitialPassword ?? DEMO_ADMIN_PASSWORD);
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}

let seq = 0;

/** Creates a staff member through the API as `adminToken` and logs them in. */
export async function createStaffAndLogin(
  t: TestApp,
  adminToken: string,
  roles: StaffRole[],
  password = 'passw0rd-x',
): Promise<{ id: number; username: string; password: string; session: StaffLoginResponse }> {
  seq += 1;
  const username = `staff${process.pid}${seq}`;
  const res = await t
    .http()
    .post('/api/admin/staff')
    .set(...bearer(adminToken))
    .send({ username, name: `测试员工${seq}`, password, roles });
  if (res.status !== 201) throw new Error(`create staff failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, username, password, session: await login(t, username, password) };
}

/** Row counts, to prove that a rejected request wrote nothing. */
export async function countRows(t: TestApp, table: string): Promise<number> {
  const rows = (await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`)) as Array<{
    n: number | string;
  }>;
  return Number(rows[0].n);
}
