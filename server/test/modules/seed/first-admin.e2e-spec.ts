import { FirstAdminService } from '../../../src/seed';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, countRows, login } from '../support/modules-test-kit';

/** A production install: no demo data, one admin created from ADMIN_INITIAL_PASSWORD on an empty database. */
describe('first admin on an empty production-like database', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { SEED_DEMO: 'false', ADMIN_INITIAL_PASSWORD: 'FirstAdm1nPass' } });
  });
  afterAll(() => t.close());

  it('creates only the admin account, audited as a system write, and can log in', async () => {
    expect(await t.app.get(FirstAdminService).ensureFirstAdmin()).toBe(true);

    expect(await countRows(t, 'staff')).toBe(1);
    expect(await countRows(t, 'members')).toBe(0);
    expect(await countRows(t, 'campaigns')).toBe(0);

    const session = await login(t, 'admin', 'FirstAdm1nPass');
    expect(session.staff.roles).toEqual(['admin']);

    const audit = await t
      .http()
      .get('/api/admin/audit-logs')
      .query({ action: 'staff.create' })
      .set(...bearer(session.accessToken));
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actorType: 'system', actorName: 'first-admin', entityType: 'staff' }),
    ]);
    expect(JSON.stringify(audit.body.items[0].after)).not.toContain('FirstAdm1nPass');
  });

  it('does nothing once staff exist, even with another password configured', async () => {
    expect(await t.app.get(FirstAdminService).ensureFirstAdmin()).toBe(false);
    expect(await countRows(t, 'staff')).toBe(1);
  });
});
