import { bearer, createStaffAndLogin, login } from '../modules/support/modules-test-kit';
import {
  adminCallersWithout,
  createAuthzWorld,
  expectRefusedAndUnchanged,
  itRefuses,
  rolesLacking,
  withToken,
  type AuthzWorld,
} from './authz-kit';
import { describeRoute } from './describe-route';

/** Staff administration: staff.read / staff.write, which only the admin role holds. */
describe('authorization: staff administration', () => {
  let w: AuthzWorld;
  const world = () => w;
  /** An active operator the refused callers aim at. */
  let target: { id: number; username: string; password: string };
  /** A disabled staff member, for enable. */
  let disabledId: number;

  beforeAll(async () => {
    w = await createAuthzWorld();
    const created = await createStaffAndLogin(w.t, w.adminToken, ['operator']);
    target = { id: created.id, username: created.username, password: created.password };
    disabledId = (await createStaffAndLogin(w.t, w.adminToken, ['service'])).id;
    await w.t
      .http()
      .post(`/api/admin/staff/${disabledId}/disable`)
      .set(...bearer(w.adminToken))
      .expect(200);
  });
  afterAll(() => w?.t.close());

  describeRoute('GET /api/admin/staff/:id', () => {
    itRefuses(world, adminCallersWithout('staff.read'), (w, token) =>
      withToken(w.t.http().get(`/api/admin/staff/${target.id}`), token),
    );

    it('answers a missing id with the same 403 for a role without staff.read (no existence oracle)', async () => {
      const res = await w.t
        .http()
        .get('/api/admin/staff/999999')
        .set(...bearer(w.staffTokens.operator));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    });

    it('refuses a demoted admin on their very next request (roles are re-read, not trusted from the token)', async () => {
      const demoted = await createStaffAndLogin(w.t, w.adminToken, ['admin']);
      const read = () =>
        w.t
          .http()
          .get(`/api/admin/staff/${target.id}`)
          .set(...bearer(demoted.session.accessToken));
      await read().expect(200);
      await w.t
        .http()
        .patch(`/api/admin/staff/${demoted.id}`)
        .set(...bearer(w.adminToken))
        .send({ roles: ['operator'] })
        .expect(200);
      await expectRefusedAndUnchanged(w.t, read, 403, 'FORBIDDEN');
    });

    it('control: the admin reads it', async () => {
      const res = await w.t
        .http()
        .get(`/api/admin/staff/${target.id}`)
        .set(...bearer(w.adminToken))
        .expect(200);
      expect(res.body).toMatchObject({ id: target.id, username: target.username });
    });
  });

  describeRoute('PATCH /api/admin/staff/:id', () => {
    itRefuses(world, adminCallersWithout('staff.write'), (w, token) =>
      withToken(w.t.http().patch(`/api/admin/staff/${target.id}`), token).send({
        name: '被改名',
        roles: ['admin'],
      }),
    );

    it.each(rolesLacking('staff.write'))(
      'refuses %s making THEMSELVES admin (no self-escalation)',
      async (role) => {
        await expectRefusedAndUnchanged(
          w.t,
          () =>
            w.t
              .http()
              .patch(`/api/admin/staff/${w.staffIds[role]}`)
              .set(...bearer(w.staffTokens[role]))
              .send({ roles: ['admin'] }),
          403,
          'FORBIDDEN',
        );
      },
    );

    it('control: the admin renames it', async () => {
      await w.t
        .http()
        .patch(`/api/admin/staff/${target.id}`)
        .set(...bearer(w.adminToken))
        .send({ name: '管理员改的名' })
        .expect(200);
    });
  });

  describeRoute('POST /api/admin/staff/:id/reset-password', () => {
    itRefuses(world, adminCallersWithout('staff.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/staff/${target.id}/reset-password`), token).send({
        password: 'takeover123',
      }),
    );

    it('the target still logs in with the old password, not the attempted one', async () => {
      await login(w.t, target.username, target.password);
      const res = await w.t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: target.username, password: 'takeover123' });
      expect(res.status).toBe(401);
    });

    it('control: the admin resets it', async () => {
      await w.t
        .http()
        .post(`/api/admin/staff/${target.id}/reset-password`)
        .set(...bearer(w.adminToken))
        .send({ password: 'newpassw0rd' })
        .expect(204);
      target.password = 'newpassw0rd';
    });
  });

  describeRoute('POST /api/admin/staff/:id/enable', () => {
    itRefuses(world, adminCallersWithout('staff.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/staff/${disabledId}/enable`), token).send({}),
    );

    it('control: the admin enables it', async () => {
      const res = await w.t
        .http()
        .post(`/api/admin/staff/${disabledId}/enable`)
        .set(...bearer(w.adminToken))
        .expect(200);
      expect(res.body.status).toBe('active');
    });
  });

  describeRoute('POST /api/admin/staff/:id/disable', () => {
    itRefuses(world, adminCallersWithout('staff.write'), (w, token) =>
      withToken(w.t.http().post(`/api/admin/staff/${target.id}/disable`), token).send({}),
    );

    it('control: the admin disables it', async () => {
      const res = await w.t
        .http()
        .post(`/api/admin/staff/${target.id}/disable`)
        .set(...bearer(w.adminToken))
        .expect(200);
      expect(res.body.status).toBe('disabled');
    });
  });
});
