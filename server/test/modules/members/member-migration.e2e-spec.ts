import { MemberAttribution1763856000005 } from '../../../src/migrations/0005-member-attribution';
import { createTestApp, type TestApp } from '../../support/test-app';
import { seedDemo } from '../support/modules-test-kit';
import { devLogin } from './members-test-kit';

/** Migration 0005 on a database that already has members (an upgrade from the slice-1 schema). */
describe('migration 0005 (member attribution and binding history)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    await devLogin(t, 'migration-unbound');
  });
  afterAll(() => t.close());

  it('goes down and up again, backfilling sources and one history row per binding', async () => {
    const migration = new MemberAttribution1763856000005();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const columns = (await runner.getTable('members'))?.columns.map((c) => c.name) ?? [];
      expect(columns).not.toContain('channel');
      expect(await runner.hasTable('member_bindings')).toBe(false);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    const members = (await t.dataSource.query(
      'SELECT id, openid, channel, current_leader_id, first_leader_id, created_at, attributed_at FROM members ORDER BY id',
    )) as Array<Record<string, unknown>>;
    const time = (v: unknown) => new Date(v as string | Date).getTime();
    const id = (v: unknown) => (v === null ? null : Number(v));
    for (const m of members) {
      expect(time(m.attributed_at)).toBe(time(m.created_at));
      expect(id(m.first_leader_id)).toBe(id(m.current_leader_id));
      expect(m.channel).toBe(m.current_leader_id === null ? 'direct' : 'share_card');
    }
    expect(members.find((m) => m.openid === 'dev:migration-unbound')).toMatchObject({ channel: 'direct' });

    const history = (await t.dataSource.query(
      `SELECT m.openid, b.from_leader_id, b.to_leader_id, b.reason, b.actor_type FROM member_bindings b
         JOIN members m ON m.id = b.member_id ORDER BY b.id`,
    )) as Array<Record<string, unknown>>;
    const bound = members.filter((m) => m.current_leader_id !== null);
    expect(history).toHaveLength(bound.length);
    for (const row of history) {
      const member = bound.find((m) => m.openid === row.openid);
      expect(id(row.to_leader_id)).toBe(id(member?.current_leader_id));
      expect(row.from_leader_id).toBeNull();
      expect(row.actor_type).toBe('system');
      expect(row.reason).toBe(
        String(row.openid).startsWith('dev:leader-') ? 'leader_approved' : 'entry_link',
      );
    }
  });
});
