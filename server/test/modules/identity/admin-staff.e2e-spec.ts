import type { AuditLogEntry, StaffLoginResponse, StaffProfile } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  bearer,
  countRows,
  createStaffAndLogin,
  login,
  loginAsAdmin,
  seedDemo,
} from '../support/modules-test-kit';

async function auditFor(
  t: TestApp,
  token: string,
  action: string,
  entityId: number,
): Promise<AuditLogEntry[]> {
  const res = await t
    .http()
    .get('/api/admin/audit-logs')
    .query({ action, entityType: 'staff', entityId: String(entityId) })
    .set(...bearer(token))
    .expect(200);
  return res.body.items as AuditLogEntry[];
}

describe('staff administration (/api/admin/staff, /api/admin/roles)', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  const asAdmin = () => bearer(admin.accessToken);

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  it('lists the five roles with labels and permissions', async () => {
    const res = await t
      .http()
      .get('/api/admin/roles')
      .set(...asAdmin())
      .expect(200);
    expect(res.body.map((r: { role: string }) => r.role)).toEqual([
      'admin',
      'operator',
      'finance',
      'warehouse',
      'service',
    ]);
    expect(res.body[1]).toMatchObject({ role: 'operator', label: '运营' });
    expect(res.body[1].permissions).not.toContain('staff.write');
  });

  describe('create', () => {
    it('creates a staff member (201), audited with after snapshot, ip, user agent and request id', async () => {
      const res = await t
        .http()
        .post('/api/admin/staff')
        .set(...asAdmin())
        .set('User-Agent', 'linli-e2e/1.0')
        .set('X-Request-Id', 'req-create-staff-1')
        .send({
          username: 'Zhang.San',
          name: ' 张三 ',
          phone: '13800138000',
          password: 'abcd1234',
          roles: ['operator', 'service'],
        });
      expect(res.status).toBe(201);
      const created = res.body as StaffProfile;
      expect(created).toMatchObject({
        username: 'zhang.san',
        name: '张三',
        phone: '13800138000',
        roles: ['operator', 'service'],
        status: 'active',
        lastLoginAt: null,
      });
      expect(created.permissions).toEqual(expect.arrayContaining(['orders.write', 'catalog.write']));
      expect(created).not.toHaveProperty('passwordHash');

      const [entry] = await auditFor(t, admin.accessToken, 'staff.create', created.id);
      expect(entry).toMatchObject({
        actorType: 'staff',
        actorId: admin.staff.id,
        actorName: '系统管理员',
        before: null,
        after: { id: created.id, username: 'zhang.san', roles: ['operator', 'service'], status: 'active' },
        userAgent: 'linli-e2e/1.0',
        requestId: 'req-create-staff-1',
      });
      expect(entry.ip).toEqual(expect.any(String));
      const stored = (await t.dataSource.query('SELECT `before`, `after` FROM audit_logs')) as Array<
        Record<string, string | null>
      >;
      for (const row of stored) expect(`${row.before}${row.after}`).not.toMatch(/scrypt|password_?hash/i);
    });

    it('refuses a taken username (409 STAFF_USERNAME_TAKEN), case-insensitively', async () => {
      const res = await t
        .http()
        .post('/api/admin/staff')
        .set(...asAdmin())
        .send({ username: 'ZHANG.SAN', name: '重名', password: 'abcd1234', roles: ['finance'] });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('STAFF_USERNAME_TAKEN');
    });

    it('lists every invalid field, rejects unknown fields, and writes nothing', async () => {
      const staffBefore = await countRows(t, 'staff');
      const auditBefore = await countRows(t, 'audit_logs');
      const res = await t
        .http()
        .post('/api/admin/staff')
        .set(...asAdmin())
        .send({ username: 'a b', name: '', phone: 'call me', password: 'short', roles: ['boss'] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = Object.fromEntries(
        res.body.fields.map((f: { field: string; errors: string[] }) => [f.field, f.errors]),
      );
      expect(Object.keys(fields).sort()).toEqual(['name', 'password', 'phone', 'roles', 'username']);
      expect(fields.password).toEqual([expect.stringContaining('密码至少 8 位')]);

      const weak = await t
        .http()
        .post('/api/admin/staff')
        .set(...asAdmin())
        .send({ username: 'weakling', name: '弱密码', password: '12345678', roles: [] });
      expect(weak.status).toBe(400);
      expect(weak.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['password', 'roles']);

      const unknown = await t
        .http()
        .post('/api/admin/staff')
        .set(...asAdmin())
        .send({ username: 'extra', name: '多字段', password: 'abcd1234', roles: ['finance'], isRoot: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual([{ field: 'isRoot', errors: [expect.any(String)] }]);

      expect(await countRows(t, 'staff')).toBe(staffBefore);
      expect(await countRows(t, 'audit_logs')).toBe(auditBefore);
    });
  });

  describe('list and get', () => {
    it('pages and filters by keyword, role and status', async () => {
      const all = await t
        .http()
        .get('/api/admin/staff')
        .set(...asAdmin())
        .expect(200);
      expect(all.body).toMatchObject({ page: 1, pageSize: 20 });
      expect(all.body.total).toBeGreaterThanOrEqual(2);

      const byKeyword = await t
        .http()
        .get('/api/admin/staff')
        .query({ keyword: '张' })
        .set(...asAdmin())
        .expect(200);
      expect(byKeyword.body.items.map((s: StaffProfile) => s.username)).toEqual(['zhang.san']);
      const byPhone = await t
        .http()
        .get('/api/admin/staff')
        .query({ keyword: '138001' })
        .set(...asAdmin())
        .expect(200);
      expect(byPhone.body.total).toBe(1);
      const wildcard = await t
        .http()
        .get('/api/admin/staff')
        .query({ keyword: '%' })
        .set(...asAdmin())
        .expect(200);
      expect(wildcard.body.total).toBe(0);

      const byRole = await t
        .http()
        .get('/api/admin/staff')
        .query({ role: 'service' })
        .set(...asAdmin())
        .expect(200);
      expect(byRole.body.items.map((s: StaffProfile) => s.username)).toEqual(['zhang.san']);
      const admins = await t
        .http()
        .get('/api/admin/staff')
        .query({ role: 'admin', status: 'active' })
        .set(...asAdmin())
        .expect(200);
      expect(admins.body.items.map((s: StaffProfile) => s.username)).toEqual(['admin']);

      const paged = await t
        .http()
        .get('/api/admin/staff')
        .query({ page: 2, pageSize: 1 })
        .set(...asAdmin())
        .expect(200);
      expect(paged.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total });
      expect(paged.body.items).toHaveLength(1);

      const bad = await t
        .http()
        .get('/api/admin/staff')
        .query({ page: 1e15, pageSize: 1000, role: 'boss', extra: 1 })
        .set(...asAdmin());
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'extra',
        'page',
        'pageSize',
        'role',
      ]);
    });

    it('gets one by id; 404 STAFF_NOT_FOUND for a missing id and 400 for a malformed one', async () => {
      const res = await t
        .http()
        .get(`/api/admin/staff/${admin.staff.id}`)
        .set(...asAdmin())
        .expect(200);
      expect(res.body.username).toBe('admin');
      const missing = await t
        .http()
        .get('/api/admin/staff/99999')
        .set(...asAdmin());
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('STAFF_NOT_FOUND');
      const malformed = await t
        .http()
        .get('/api/admin/staff/abc')
        .set(...asAdmin());
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields).toEqual([{ field: 'id', errors: ['ID 必须是正整数'] }]);
    });
  });

  describe('update, reset password, disable, enable', () => {
    it('updates name, phone and roles with a before/after audit row', async () => {
      const target = await createStaffAndLogin(t, admin.accessToken, ['finance']);
      const res = await t
        .http()
        .patch(`/api/admin/staff/${target.id}`)
        .set(...asAdmin())
        .send({ name: '李会计', phone: null, roles: ['finance', 'service'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: '李会计', phone: null, roles: ['finance', 'service'] });
      const [entry] = await auditFor(t, admin.accessToken, 'staff.update', target.id);
      expect(entry.before).toMatchObject({ roles: ['finance'] });
      expect(entry.after).toMatchObject({ name: '李会计', roles: ['finance', 'service'] });

      // Role changes apply to the next request of the changed staff member.
      const me = await t
        .http()
        .get('/api/admin/staff')
        .set(...bearer(target.session.accessToken));
      expect(me.status).toBe(403);

      const bad = await t
        .http()
        .patch(`/api/admin/staff/${target.id}`)
        .set(...asAdmin())
        .send({ name: null, roles: [] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['name', 'roles']);
    });

    it('reset password: 204, old password and old sessions stop working, audited without the hash', async () => {
      const target = await createStaffAndLogin(t, admin.accessToken, ['warehouse']);
      const weak = await t
        .http()
        .post(`/api/admin/staff/${target.id}/reset-password`)
        .set(...asAdmin())
        .send({ password: 'abc' });
      expect(weak.status).toBe(400);

      await t
        .http()
        .post(`/api/admin/staff/${target.id}/reset-password`)
        .set(...asAdmin())
        .send({ password: 'n3wpassword' })
        .expect(204);
      // The access token issued before the reset stops at once, the refresh token is revoked.
      const me = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(target.session.accessToken));
      expect(me.status).toBe(401);
      const refresh = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: target.session.refreshToken });
      expect(refresh.status).toBe(401);
      const oldPassword = await t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: target.username, password: target.password });
      expect(oldPassword.status).toBe(401);
      await login(t, target.username, 'n3wpassword');

      const [entry] = await auditFor(t, admin.accessToken, 'staff.reset_password', target.id);
      expect(entry.after).toMatchObject({ passwordReset: true });
      expect(JSON.stringify(entry)).not.toMatch(/n3wpassword|scrypt/);
    });

    it("disable stops the staff member's token at once and revokes their sessions; enable restores login", async () => {
      const target = await createStaffAndLogin(t, admin.accessToken, ['operator']);
      await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(target.session.accessToken))
        .expect(200);

      const res = await t
        .http()
        .post(`/api/admin/staff/${target.id}/disable`)
        .set(...asAdmin())
        .expect(200);
      expect(res.body.status).toBe('disabled');
      const me = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(target.session.accessToken));
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('AUTH_ACCOUNT_DISABLED');
      const refresh = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: target.session.refreshToken });
      expect(refresh.status).toBe(401);

      const enabled = await t
        .http()
        .post(`/api/admin/staff/${target.id}/enable`)
        .set(...asAdmin())
        .expect(200);
      expect(enabled.body.status).toBe('active');
      const [disableEntry] = await auditFor(t, admin.accessToken, 'staff.disable', target.id);
      expect(disableEntry).toMatchObject({ before: { status: 'active' }, after: { status: 'disabled' } });
      const [enableEntry] = await auditFor(t, admin.accessToken, 'staff.enable', target.id);
      expect(enableEntry).toMatchObject({ before: { status: 'disabled' }, after: { status: 'active' } });
    });

    it('refuses to disable yourself or to disable/demote the last active admin, writing nothing', async () => {
      const auditBefore = await countRows(t, 'audit_logs');
      const self = await t
        .http()
        .post(`/api/admin/staff/${admin.staff.id}/disable`)
        .set(...asAdmin());
      expect(self.status).toBe(409);
      expect(self.body.code).toBe('STAFF_CANNOT_DISABLE_SELF');
      const demote = await t
        .http()
        .patch(`/api/admin/staff/${admin.staff.id}`)
        .set(...asAdmin())
        .send({ roles: ['operator'] });
      expect(demote.status).toBe(409);
      expect(demote.body.code).toBe('STAFF_LAST_ADMIN');
      expect(await countRows(t, 'audit_logs')).toBe(auditBefore);

      // With a second admin, the first may be demoted, and then the second is the last one.
      const second = await createStaffAndLogin(t, admin.accessToken, ['admin']);
      const otherDisable = await t
        .http()
        .post(`/api/admin/staff/${admin.staff.id}/disable`)
        .set(...bearer(second.session.accessToken));
      expect(otherDisable.status).toBe(200);
      const lastOne = await t
        .http()
        .patch(`/api/admin/staff/${second.id}`)
        .set(...bearer(second.session.accessToken))
        .send({ roles: ['finance'] });
      expect(lastOne.status).toBe(409);
      expect(lastOne.body.code).toBe('STAFF_LAST_ADMIN');
      await t
        .http()
        .post(`/api/admin/staff/${admin.staff.id}/enable`)
        .set(...bearer(second.session.accessToken))
        .expect(200);
    });
  });

  describe('permissions', () => {
    it('an operator gets 403 FORBIDDEN on every staff and audit endpoint, and nothing changes', async () => {
      const operator = await createStaffAndLogin(t, admin.accessToken, ['operator']);
      const as = bearer(operator.session.accessToken);
      const staffBefore = await countRows(t, 'staff');
      const auditBefore = await countRows(t, 'audit_logs');
      const target = admin.staff.id;
      const attempts = [
        t
          .http()
          .get('/api/admin/staff')
          .set(...as),
        t
          .http()
          .get(`/api/admin/staff/${target}`)
          .set(...as),
        t
          .http()
          .post('/api/admin/staff')
          .set(...as)
          .send({ username: 'sneaky', name: '越权', password: 'abcd1234', roles: ['admin'] }),
        t
          .http()
          .patch(`/api/admin/staff/${target}`)
          .set(...as)
          .send({ name: '改名' }),
        t
          .http()
          .post(`/api/admin/staff/${target}/reset-password`)
          .set(...as)
          .send({ password: 'hacked123' }),
        t
          .http()
          .post(`/api/admin/staff/${target}/disable`)
          .set(...as),
        t
          .http()
          .post(`/api/admin/staff/${target}/enable`)
          .set(...as),
        t
          .http()
          .get('/api/admin/audit-logs')
          .set(...as),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect(await countRows(t, 'staff')).toBe(staffBefore);
      expect(await countRows(t, 'audit_logs')).toBe(auditBefore);
      // Reading the role catalogue and their own profile is allowed.
      await t
        .http()
        .get('/api/admin/roles')
        .set(...as)
        .expect(200);
      await t
        .http()
        .get('/api/admin/auth/me')
        .set(...as)
        .expect(200);
    });
  });
});
