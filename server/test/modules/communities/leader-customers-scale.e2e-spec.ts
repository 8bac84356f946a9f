import type { LeaderCustomerView, Paged } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { devLogin } from '../members/members-test-kit';
import { bearer } from '../support/modules-test-kit';

const MEMBERS = 30_000;
const COMMUNITY_MEMBERS = 3_000;
const BATCH = 1_000;

/** 我的客户 of a leader with many customers among many members: exact pages, by index, quickly. */
describe('我的客户 at scale', () => {
  let t: TestApp;
  let token: string;
  let leaderId: number;
  let communityId: number;
  /** Own customers' member ids, newest first. */
  let ownIds: number[];

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    const session = await devLogin(t, 'scale-leader');
    token = session.accessToken;
    await t.dataSource.query(
      "INSERT INTO leaders (member_id, name, status, invite_code) VALUES (?, '规模团长', 'active', 'SCALE001')",
      [session.member.id],
    );
    leaderId = Number(
      (
        (await t.dataSource.query("SELECT id FROM leaders WHERE invite_code = 'SCALE001'")) as Array<{
          id: number;
        }>
      )[0].id,
    );
    const total = MEMBERS;
    for (let start = 0; start < total; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, total - start) }, (_, j) => {
        const i = start + j;
        // Two in five members buy at other leaders' points; the rest are this leader's customers.
        const own = i % 5 >= 2;
        const leader = own ? leaderId : leaderId + 1 + (i % 50);
        const phone = `139${String(i).padStart(8, '0')}`;
        return `('scale-${i}', '顾客${i}', '${phone}', '${phone.slice(-4)}', ${leader}, 'share_card', CURRENT_TIMESTAMP)`;
      });
      await t.dataSource.query(
        `INSERT INTO members (openid, nickname, phone, phone_tail, current_leader_id, channel, attributed_at) VALUES ${rows.join(',')}`,
      );
    }
    ownIds = (
      (await t.dataSource.query('SELECT id FROM members WHERE current_leader_id = ? ORDER BY id DESC', [
        leaderId,
      ])) as Array<{ id: number | string }>
    ).map((r) => Number(r.id));
    await t.dataSource.query(
      "INSERT INTO communities (leader_id, name, invite_code, status, member_count) VALUES (?, '规模测试群', 'SCALEC01', 'active', ?)",
      [leaderId, COMMUNITY_MEMBERS],
    );
    communityId = Number(
      (
        (await t.dataSource.query("SELECT id FROM communities WHERE invite_code = 'SCALEC01'")) as Array<{
          id: number;
        }>
      )[0].id,
    );
    const memberIds = ownIds.slice(0, COMMUNITY_MEMBERS);
    for (let start = 0; start < memberIds.length; start += BATCH) {
      const rows = memberIds
        .slice(start, start + BATCH)
        .map((id) => `(${communityId}, ${id}, ${leaderId}, 'group_qr')`);
      await t.dataSource.query(
        `INSERT INTO community_memberships (community_id, member_id, leader_id, channel) VALUES ${rows.join(',')}`,
      );
    }
  }, 120_000);
  afterAll(() => t.close());

  async function customers(query: Record<string, string | number>): Promise<Paged<LeaderCustomerView>> {
    const res = await t
      .http()
      .get('/api/app/leader/customers')
      .query(query)
      .set(...bearer(token));
    expect(res.status).toBe(200);
    return res.body as Paged<LeaderCustomerView>;
  }

  it('pages the bound customers newest first, exactly, also deep down', async () => {
    const started = Date.now();
    const first = await customers({ page: 1, pageSize: 20 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(first.total).toBe(ownIds.length);
    expect(first.items.map((c) => c.memberId)).toEqual(ownIds.slice(0, 20));
    const deep = await customers({ page: 300, pageSize: 20 });
    expect(deep.items.map((c) => c.memberId)).toEqual(ownIds.slice(5_980, 6_000));
  });

  it('pages a community and names it on every row', async () => {
    const page = await customers({ communityId, page: 2, pageSize: 50 });
    expect(page.total).toBe(COMMUNITY_MEMBERS);
    expect(page.items).toHaveLength(50);
    for (const item of page.items)
      expect(item.communities).toEqual([{ id: communityId, name: '规模测试群' }]);
  });

  it('finds a customer by the tail of the phone among thousands', async () => {
    const target = ownIds[1234];
    const phone = (
      (await t.dataSource.query('SELECT phone FROM members WHERE id = ?', [target])) as Array<{
        phone: string;
      }>
    )[0].phone;
    const found = await customers({ keyword: phone.slice(-4) });
    expect(found.items.map((c) => c.memberId)).toContain(target);
    // Four digits are a 尾号 only: nicknames (顾客<i>) that contain them do not match.
    expect(found.items.length).toBeGreaterThan(0);
    for (const c of found.items) expect(c.phoneMasked?.endsWith(phone.slice(-4))).toBe(true);

    // Longer digit strings still match the end of the phone or the nickname.
    const longer = await customers({ keyword: phone.slice(-6) });
    expect(longer.items.map((c) => c.memberId)).toContain(target);
  });
});
