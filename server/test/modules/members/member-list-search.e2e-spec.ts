import type { MemberPage } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

/**
 * The admin member list as it behaves at scale: the keyword is an index-friendly prefix (phone, nickname)
 * or an exact openid, and totals stop counting past 10,000 (`totalCapped`).
 */
describe('member list: keyword rules and capped totals', () => {
  let t: TestApp;
  let adminToken: string;

  async function list(query: Record<string, string | number>): Promise<MemberPage> {
    const res = await t
      .http()
      .get('/api/admin/members')
      .query(query)
      .set(...bearer(adminToken));
    expect(res.status).toBe(200);
    return res.body as MemberPage;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    adminToken = (await loginAsAdmin(t)).accessToken;
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads digits as a phone prefix, other text as a nickname prefix, an openid exactly', async () => {
    const byPhone = await list({ keyword: '1375711' });
    expect(byPhone.items.map((m) => m.nickname)).toContain('张美玲');
    expect(byPhone.items.every((m) => m.phone?.startsWith('1375711'))).toBe(true);

    const byNickname = await list({ keyword: '张' });
    expect(byNickname.items.map((m) => m.nickname)).toContain('张美玲');
    expect(byNickname.items.every((m) => m.nickname.startsWith('张'))).toBe(true);
    // A prefix, not "contains": the middle of a name finds nothing.
    expect((await list({ keyword: '美玲' })).items.map((m) => m.nickname)).not.toContain('张美玲');

    const zhang = byNickname.items.find((m) => m.nickname === '张美玲');
    const detail = await t
      .http()
      .get(`/api/admin/members/${zhang?.id}`)
      .set(...bearer(adminToken));
    const byOpenid = await list({ keyword: detail.body.openid as string });
    expect(byOpenid.items.map((m) => m.id)).toEqual([zhang?.id]);
    expect(byOpenid).toMatchObject({ total: 1, totalCapped: false });
  });

  it('treats LIKE wildcards in the keyword literally', async () => {
    expect((await list({ keyword: '%' })).total).toBe(0);
    expect((await list({ keyword: '_' })).total).toBe(0);
  });

  it('counts exactly up to 10,000 and says "more" beyond', async () => {
    const before = await list({});
    expect(before.totalCapped).toBe(false);

    // 10,050 extra members in one statement: n = 1..10050 from a cross join of digits (portable, and no
    // recursion limit to hit).
    const digits =
      'SELECT 0 AS d UNION ALL ' + [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `SELECT ${d}`).join(' UNION ALL ');
    const mysql = t.dataSource.options.type === 'mysql' || t.dataSource.options.type === 'mariadb';
    const text = (prefix: string) => (mysql ? `CONCAT('${prefix}', n)` : `'${prefix}' || n`);
    await t.dataSource.query(
      `INSERT INTO members (openid, nickname, channel, created_at, updated_at, attributed_at)
       SELECT ${text('bulk-openid-')}, ${text('批量会员')}, 'import', oldest.created, oldest.created, oldest.created
         FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                 FROM (${digits}) a, (${digits}) b, (${digits}) c, (${digits}) e, (SELECT 0 AS d UNION ALL SELECT 1) f) seq,
              (SELECT MIN(created_at) AS created FROM members) oldest
        WHERE seq.n BETWEEN 1 AND 10050`,
    );

    const all = await list({ pageSize: 5 });
    expect(all).toMatchObject({ total: 10_000, totalCapped: true, pageSize: 5 });
    expect(all.items).toHaveLength(5);

    // A narrow filter is still counted exactly.
    const imported = await list({ channel: 'import', keyword: '批量会员1000' });
    // 批量会员1000 and 批量会员10000–10009 start with it.
    expect(imported).toMatchObject({ total: 11, totalCapped: false });
    expect(before.total).toBeLessThan(100);
  });
});
