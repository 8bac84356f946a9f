import type { AuditLogEntry, StaffLoginResponse } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, createStaffAndLogin, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

describe('audit log viewer (/api/admin/audit-logs)', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  let created: number;
  const list = (query: Record<string, string | number>) =>
    t
      .http()
      .get('/api/admin/audit-logs')
      .query(query)
      .set(...bearer(admin.accessToken));

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = await loginAsAdmin(t);
    created = (await createStaffAndLogin(t, admin.accessToken, ['finance'])).id;
    await t
      .http()
      .post(`/api/admin/staff/${created}/disable`)
      .set(...bearer(admin.accessToken))
      .expect(200);
  });
  afterAll(() => t.close());

  it('lists newest first with paging', async () => {
    const res = await list({ pageSize: 3 }).expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 3 });
    const items = res.body.items as AuditLogEntry[];
    expect(items.map((i) => i.action)).toEqual(['staff.disable', 'auth.login', 'staff.create']);
    expect(res.body.total).toBeGreaterThan(3);
    const ids = items.map((i) => i.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('includes the demo seed, written by the system actor', async () => {
    const res = await list({ action: 'campaign.create' }).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ actorType: 'system', actorId: null, actorName: 'demo-seed' }),
    ]);
  });

  it('filters by actor, action, entity and time', async () => {
    const byActor = await list({ actorId: admin.staff.id, pageSize: 100 }).expect(200);
    expect(byActor.body.items.every((i: AuditLogEntry) => i.actorId === admin.staff.id)).toBe(true);
    // The admin's own login, the creation and the disabling; the new staff member's login is theirs.
    expect(byActor.body.items.map((i: AuditLogEntry) => i.action)).toEqual([
      'staff.disable',
      'staff.create',
      'auth.login',
    ]);

    const byEntity = await list({ entityType: 'staff', entityId: String(created) }).expect(200);
    expect(byEntity.body.items.map((i: AuditLogEntry) => i.action)).toEqual([
      'staff.disable',
      'auth.login',
      'staff.create',
    ]);

    const future = new Date(Date.now() + 60_000).toISOString();
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await list({ from: future }).expect(200)).body.total).toBe(0);
    expect((await list({ to: past }).expect(200)).body.total).toBe(0);
    expect((await list({ from: past, to: future, action: 'staff.disable' }).expect(200)).body.total).toBe(1);
  });

  it('validates the query', async () => {
    const res = await list({ from: 'yesterday', actorId: 'me', page: 0 });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'actorId',
      'from',
      'page',
    ]);
  });
});
