import type { LeaderLevel } from '@linli/shared-types';
import { bearer } from '../modules/support/modules-test-kit';
import { adminCallersWithout, createAuthzWorld, itRefuses, withToken, type AuthzWorld } from './authz-kit';
import { describeRoute } from './describe-route';

/** Leader levels, manual level changes and the downline tree: leaders.read / leaders.write. */
describe('authorization: leader levels (admin)', () => {
  let w: AuthzWorld;
  const world = () => w;
  let levels: LeaderLevel[];
  /** A level nobody is on, so deleting it would succeed if it were allowed. */
  let unusedLevel: LeaderLevel;

  const validLevel = (level: LeaderLevel) => ({
    name: `${level.name}改`,
    rank: level.rank,
    commissionRateBps: level.commissionRateBps + 100,
    upgrade: level.upgrade,
    keep: level.keep,
  });

  beforeAll(async () => {
    w = await createAuthzWorld();
    const res = await w.t
      .http()
      .get('/api/admin/leader-levels')
      .set(...bearer(w.adminToken))
      .expect(200);
    levels = res.body as LeaderLevel[];
    const unused = levels.find((l) => l.leaderCount === 0);
    if (!unused) throw new Error('expected a level without leaders in the demo data');
    unusedLevel = unused;
  });
  afterAll(() => w?.t.close());

  describeRoute('PUT /api/admin/leader-levels/:id', () => {
    itRefuses(world, adminCallersWithout('leaders.write'), (w, token) =>
      withToken(w.t.http().put(`/api/admin/leader-levels/${levels[1].id}`), token).send(
        validLevel(levels[1]),
      ),
    );

    it('control: the admin edits it', async () => {
      const res = await w.t
        .http()
        .put(`/api/admin/leader-levels/${levels[1].id}`)
        .set(...bearer(w.adminToken))
        .send(validLevel(levels[1]))
        .expect(200);
      expect(res.body.name).toBe(`${levels[1].name}改`);
    });
  });

  describeRoute('DELETE /api/admin/leader-levels/:id', () => {
    itRefuses(world, adminCallersWithout('leaders.write'), (w, token) =>
      withToken(w.t.http().delete(`/api/admin/leader-levels/${unusedLevel.id}`), token),
    );

    it('control: the admin deletes it', async () => {
      await w.t
        .http()
        .delete(`/api/admin/leader-levels/${unusedLevel.id}`)
        .set(...bearer(w.adminToken))
        .expect(204);
    });
  });

  describeRoute('POST /api/admin/leaders/:id/level', () => {
    const body = () => ({ levelId: levels[1].id, reason: '越权测试', holdDays: 30 });
    // Leader A changing leader B's level with A's own (member) token is among the refused callers.
    itRefuses(world, adminCallersWithout('leaders.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/leaders/${w.leaderB.leaderId}/level`), token).send(body()),
    );

    it('control: the admin sets it', async () => {
      const res = await w.t
        .http()
        .post(`/api/admin/leaders/${w.leaderB.leaderId}/level`)
        .set(...bearer(w.adminToken))
        .send(body())
        .expect(200);
      expect(res.body.levelId).toBe(levels[1].id);
    });
  });

  describeRoute('GET /api/admin/leaders/:id/downline', () => {
    itRefuses(world, adminCallersWithout('leaders.read'), (w, token) =>
      withToken(w.t.http().get(`/api/admin/leaders/${w.leaderA.leaderId}/downline`), token),
    );

    it('control: the admin reads it', async () => {
      const res = await w.t
        .http()
        .get(`/api/admin/leaders/${w.leaderA.leaderId}/downline`)
        .set(...bearer(w.adminToken))
        .expect(200);
      expect(res.body.node.leaderId).toBe(w.leaderA.leaderId);
    });
  });
});
