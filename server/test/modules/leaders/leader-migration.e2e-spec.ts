import { LeaderApplications1763856000004 } from '../../../src/migrations/0004-leader-applications';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedDemo } from '../support/modules-test-kit';
import { application, apply, memberLogin } from './leaders-test-kit';

/** Migration 0004 on a database that already has leaders (an upgrade from the Foundation schema). */
describe('migration 0004 (leader applications)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    const applicant = await memberLogin(t, 'applicant-migration');
    await apply(t, applicant.accessToken, application()).expect(201);
  });
  afterAll(() => t.close());

  it('goes down and up again, backfilling existing leaders from their creation time', async () => {
    const migration = new LeaderApplications1763856000004();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const columns = (await runner.getTable('leaders'))?.columns.map((c) => c.name) ?? [];
      expect(columns).not.toContain('applied_at');
      expect(columns).not.toContain('status_reason');
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const rows = (await t.dataSource.query(
      'SELECT status, created_at, applied_at, reviewed_at, agreement_version, status_reason FROM leaders ORDER BY id',
    )) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.status)).toEqual(['active', 'active', 'active', 'pending']);
    const time = (v: unknown) => new Date(v as string | Date).getTime();
    for (const row of rows) {
      expect(time(row.applied_at)).toBe(time(row.created_at));
      expect(row.reviewed_at === null).toBe(row.status === 'pending');
      if (row.status !== 'pending') expect(time(row.reviewed_at)).toBe(time(row.created_at));
      // Nobody signed an agreement before it existed.
      expect(row.agreement_version).toBeNull();
      expect(row.status_reason).toBeNull();
    }
  });
});
