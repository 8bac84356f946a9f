import { devLogin } from '../modules/members/members-test-kit';
import { loginAsAdmin } from '../modules/support/modules-test-kit';
import { createAuthzWorld, expectRefusedAndUnchanged, type AuthzWorld } from './authz-kit';
import { describeRoute } from './describe-route';

/**
 * Refresh tokens are the ids of sessions: one realm's token must neither renew nor end a session of
 * the other realm (a buyer cannot become staff by refreshing at the admin endpoint, nor the reverse).
 */
describe('authorization: sessions across realms', () => {
  let w: AuthzWorld;

  beforeAll(async () => {
    w = await createAuthzWorld();
  });
  afterAll(() => w?.t.close());

  describeRoute('POST /api/admin/auth/refresh', () => {
    it("refuses a member's refresh token with 401 AUTH_REFRESH_INVALID and changes nothing", async () => {
      const member = await devLogin(w.t, 'authz-session-member-1');
      await expectRefusedAndUnchanged(
        w.t,
        () => w.t.http().post('/api/admin/auth/refresh').send({ refreshToken: member.refreshToken }),
        401,
        'AUTH_REFRESH_INVALID',
      );
    });
  });

  describeRoute('POST /api/app/auth/refresh', () => {
    it('refuses a staff refresh token with 401 AUTH_REFRESH_INVALID and changes nothing', async () => {
      const staff = await loginAsAdmin(w.t);
      await expectRefusedAndUnchanged(
        w.t,
        () => w.t.http().post('/api/app/auth/refresh').send({ refreshToken: staff.refreshToken }),
        401,
        'AUTH_REFRESH_INVALID',
      );
    });
  });

  describeRoute('POST /api/app/auth/logout', () => {
    it("does not end a staff session with the staff member's refresh token", async () => {
      const staff = await loginAsAdmin(w.t);
      await w.t.http().post('/api/app/auth/logout').send({ refreshToken: staff.refreshToken }).expect(204);
      await w.t.http().post('/api/admin/auth/refresh').send({ refreshToken: staff.refreshToken }).expect(200);
    });
  });

  describeRoute('POST /api/admin/auth/logout', () => {
    it("does not end a member session with the member's refresh token", async () => {
      const member = await devLogin(w.t, 'authz-session-member-2');
      await w.t.http().post('/api/admin/auth/logout').send({ refreshToken: member.refreshToken }).expect(204);
      await w.t.http().post('/api/app/auth/refresh').send({ refreshToken: member.refreshToken }).expect(200);
    });
  });
});
