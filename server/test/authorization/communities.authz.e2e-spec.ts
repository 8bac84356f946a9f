import { bearer } from '../modules/support/modules-test-kit';
import {
  createAuthzWorld,
  itRefuses,
  staffCallersOnApp,
  withToken,
  type AuthzWorld,
  type Caller,
} from './authz-kit';
import { describeRoute } from './describe-route';

/**
 * Communities (社群) belong to one leader: only that ACTIVE leader manages them, sees their invite and
 * filters customers by them. The seed gives leader A (王丽华) two communities; leader B has none.
 */
describe('authorization: communities (app, leader)', () => {
  let w: AuthzWorld;
  let communityOfA: number;
  const world = () => w;

  beforeAll(async () => {
    w = await createAuthzWorld();
    const rows = (await w.t.dataSource.query('SELECT id FROM communities WHERE leader_id = ? ORDER BY id', [
      w.leaderA.leaderId,
    ])) as Array<{ id: number | string }>;
    communityOfA = Number(rows[0].id);
  });
  afterAll(() => w?.t.close());

  /** Leader B with A's community (404, not confirmed to exist), a buyer who is no leader (403), staff/anonymous. */
  const outsiders: Caller[] = [
    {
      label: "leader B with leader A's community",
      token: (w) => w.leaderB.token,
      status: 404,
      code: 'COMMUNITY_NOT_FOUND',
    },
    { label: 'buyer A (not a leader)', token: (w) => w.buyerA.token, status: 403, code: 'LEADER_NOT_ACTIVE' },
    ...staffCallersOnApp(),
  ];

  describeRoute('PATCH /api/app/leader/communities/:id', () => {
    itRefuses(world, outsiders, (w, token) =>
      withToken(w.t.http().patch(`/api/app/leader/communities/${communityOfA}`), token).send({
        name: '被改掉的群名',
        status: 'archived',
      }),
    );

    it('control: leader A renames their own community', async () => {
      const res = await w.t
        .http()
        .patch(`/api/app/leader/communities/${communityOfA}`)
        .set(...bearer(w.leaderA.token))
        .send({ name: '翠苑一区1号楼邻里群' })
        .expect(200);
      expect(res.body).toMatchObject({ id: communityOfA, name: '翠苑一区1号楼邻里群', status: 'active' });
    });
  });

  describeRoute('GET /api/app/leader/communities/:id/invite', () => {
    itRefuses(world, outsiders, (w, token) =>
      withToken(w.t.http().get(`/api/app/leader/communities/${communityOfA}/invite`), token),
    );

    it('control: leader A gets the invite', async () => {
      const res = await w.t
        .http()
        .get(`/api/app/leader/communities/${communityOfA}/invite`)
        .set(...bearer(w.leaderA.token))
        .expect(200);
      expect(res.body.communityId).toBe(communityOfA);
    });
  });

  describeRoute('GET /api/app/leader/customers', () => {
    itRefuses(world, outsiders, (w, token) =>
      withToken(w.t.http().get('/api/app/leader/customers').query({ communityId: communityOfA }), token),
    );

    it("leader B's own list (no community) shows only B's customers, none of A's community", async () => {
      const res = await w.t
        .http()
        .get('/api/app/leader/customers')
        .set(...bearer(w.leaderB.token))
        .expect(200);
      const ids = (res.body.items as Array<{ memberId: number; communities: unknown[] }>).map(
        (i) => i.memberId,
      );
      expect(ids).toContain(w.buyerB.memberId);
      expect(ids).not.toContain(w.buyerA.memberId);
      for (const item of res.body.items as Array<{ communities: unknown[] }>)
        expect(item.communities).toEqual([]);
    });

    it('control: leader A filters by their community', async () => {
      const res = await w.t
        .http()
        .get('/api/app/leader/customers')
        .query({ communityId: communityOfA })
        .set(...bearer(w.leaderA.token))
        .expect(200);
      expect(res.body.total).toBeGreaterThan(0);
    });
  });
});
