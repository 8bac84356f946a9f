import type { Paged, PickupPointChoice } from '@linli/shared-types';
import { distanceMeters } from '../../../src/modules/leaders/domain/geo';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer } from '../support/modules-test-kit';
import { devLogin } from './members-test-kit';

const LEADERS = 3_000;
const ORIGIN = { latitude: 30.27, longitude: 120.15 };

/** A deterministic spread: most points around 杭州, some across China, some suspended, some unlocated. */
function pointOf(i: number): { latitude: number | null; longitude: number | null; status: string } {
  const a = Math.sin(i * 12.9898) * 43758.5453;
  const b = Math.sin(i * 78.233) * 12345.6789;
  const u = a - Math.floor(a);
  const v = b - Math.floor(b);
  const status = i % 17 === 0 ? 'suspended' : 'active';
  if (i % 41 === 0) return { latitude: null, longitude: null, status };
  const spread = i % 5 === 0 ? 10 : 0.3;
  return {
    latitude: Number((ORIGIN.latitude + (u - 0.5) * spread).toFixed(7)),
    longitude: Number((ORIGIN.longitude + (v - 0.5) * spread).toFixed(7)),
    status,
  };
}

describe('nearest pickup points with thousands of leaders', () => {
  let t: TestApp;
  let token: string;
  const expected: Array<{ leaderId: number; distance: number | null; name: string }> = [];

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    token = (await devLogin(t, 'scale-buyer')).accessToken;
    const points = Array.from({ length: LEADERS }, (_, i) => pointOf(i + 1));
    for (let start = 0; start < LEADERS; start += 500) {
      const chunk = points.slice(start, start + 500);
      const leaderRows = chunk.map(
        (p, j) => `(${100_000 + start + j}, '团长${start + j}', '${p.status}', 'S${start + j}')`,
      );
      await t.dataSource.query(
        `INSERT INTO leaders (member_id, name, status, invite_code) VALUES ${leaderRows.join(',')}`,
      );
    }
    const leaders = (await t.dataSource.query('SELECT id, invite_code FROM leaders ORDER BY id')) as Array<{
      id: number | string;
      invite_code: string;
    }>;
    for (let start = 0; start < LEADERS; start += 500) {
      const rows = leaders.slice(start, start + 500).map((l) => {
        const i = Number(l.invite_code.slice(1));
        const p = points[i];
        const coord = (n: number | null) => (n === null ? 'NULL' : String(n));
        if (p.status === 'active') {
          const name = `点${String(i).padStart(5, '0')}`;
          const distance =
            p.latitude === null || p.longitude === null
              ? null
              : distanceMeters(ORIGIN, { latitude: p.latitude, longitude: p.longitude });
          expected.push({ leaderId: Number(l.id), distance, name });
        }
        return `(${Number(l.id)}, '点${String(i).padStart(5, '0')}', '地址${i}', ${coord(p.latitude)}, ${coord(p.longitude)})`;
      });
      await t.dataSource.query(
        `INSERT INTO pickup_points (leader_id, name, address, latitude, longitude) VALUES ${rows.join(',')}`,
      );
    }
    // Nearest first, ties by pickup point id (= leader order here), unlocated last by name.
    expected.sort((x, y) => {
      if (x.distance === null || y.distance === null) {
        if (x.distance !== y.distance) return x.distance === null ? 1 : -1;
        return x.name.localeCompare(y.name);
      }
      return x.distance - y.distance || x.leaderId - y.leaderId;
    });
  });
  afterAll(() => t.close());

  async function page(n: number, pageSize: number): Promise<Paged<PickupPointChoice>> {
    const res = await t
      .http()
      .get('/api/app/pickup-points')
      .query({ ...ORIGIN, page: n, pageSize })
      .set(...bearer(token));
    expect(res.status).toBe(200);
    return res.body as Paged<PickupPointChoice>;
  }

  it('returns the same order as a brute-force sort, page by page, quickly', async () => {
    const started = Date.now();
    const first = await page(1, 20);
    expect(first.total).toBe(expected.length);
    expect(first.items.map((p) => p.leaderId)).toEqual(expected.slice(0, 20).map((e) => e.leaderId));
    expect(Date.now() - started).toBeLessThan(2_000);

    const deep = await page(20, 100);
    expect(deep.items.map((p) => p.leaderId)).toEqual(expected.slice(1_900, 2_000).map((e) => e.leaderId));
    const lastPage = Math.ceil(expected.length / 100);
    const tail = await page(lastPage, 100);
    expect(tail.items.map((p) => p.leaderId)).toEqual(
      expected.slice((lastPage - 1) * 100).map((e) => e.leaderId),
    );
    expect(tail.items.at(-1)?.distanceMeters).toBeNull();
  });
});
