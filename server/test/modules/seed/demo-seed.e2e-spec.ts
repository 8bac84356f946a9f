import { DemoSeedService } from '../../../src/seed/demo-seed';
import { createTestApp, type TestApp } from '../../support/test-app';
import { countRows, login } from '../support/modules-test-kit';

const TABLES = [
  'staff',
  'leaders',
  'pickup_points',
  'members',
  'products',
  'skus',
  'campaigns',
  'campaign_items',
  'audit_logs',
];

describe('demo seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { ADMIN_INITIAL_PASSWORD: 'seedpass2026' } });
  });
  afterAll(() => t.close());

  it('seeds the demo operator once, and a second call changes nothing', async () => {
    const seed = t.app.get(DemoSeedService);
    const first = await seed.seedIfEmpty();
    expect(first).toEqual({ seeded: true, admin: { username: 'admin', password: 'seedpass2026' } });

    const counts = Object.fromEntries(
      await Promise.all(TABLES.map(async (table) => [table, await countRows(t, table)])),
    );
    expect(counts).toMatchObject({
      staff: 1,
      leaders: 3,
      pickup_points: 3,
      members: 13,
      products: 9,
      campaigns: 1,
    });
    expect(counts.skus).toBeGreaterThanOrEqual(8);
    expect(counts.campaign_items).toBeGreaterThanOrEqual(6);

    expect(await seed.seedIfEmpty()).toEqual({ seeded: false });
    for (const table of TABLES) expect(await countRows(t, table)).toBe(counts[table]);
  });

  it('creates a working admin with ADMIN_INITIAL_PASSWORD', async () => {
    const session = await login(t, 'admin', 'seedpass2026');
    expect(session.staff.roles).toEqual(['admin']);
  });

  it('binds every demo member to an active leader with a pickup point in Hangzhou', async () => {
    const unbound = (await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM members WHERE current_leader_id IS NULL',
    )) as Array<{
      n: number | string;
    }>;
    expect(Number(unbound[0].n)).toBe(0);
    const points = (await t.dataSource.query(
      'SELECT address, latitude, longitude FROM pickup_points',
    )) as Array<{
      address: string;
      latitude: string | number;
      longitude: string | number;
    }>;
    for (const p of points) {
      expect(p.address).toContain('杭州市');
      expect(Number(p.latitude)).toBeGreaterThan(30);
      expect(Number(p.longitude)).toBeGreaterThan(120);
    }
    const codes = (await t.dataSource.query('SELECT invite_code FROM leaders')) as Array<{
      invite_code: string;
    }>;
    expect(new Set(codes.map((c) => c.invite_code)).size).toBe(3);
  });
});
