import { JwtService } from '@nestjs/jwt';
import type { StaffLoginResponse } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import {
  bearer,
  countRows,
  createStaffAndLogin,
  login,
  loginAsAdmin,
  seedDemo,
} from '../support/modules-test-kit';

describe('admin auth (/api/admin/auth)', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  describe('login', () => {
    it('returns tokens and the profile, records lastLoginAt and an auth.login audit row', async () => {
      expect(admin).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
        staff: { username: 'admin', roles: ['admin'], status: 'active', lastLoginAt: expect.any(String) },
      });
      expect(admin.staff.permissions).toContain('staff.write');
      const rows = (await t.dataSource.query(
        "SELECT actor_type, actor_id, entity_id FROM audit_logs WHERE action = 'auth.login'",
      )) as Array<{ actor_type: string; actor_id: number; entity_id: string }>;
      expect(rows).toEqual([
        { actor_type: 'staff', actor_id: admin.staff.id, entity_id: String(admin.staff.id) },
      ]);
    });

    it('is case-insensitive on the username', async () => {
      const res = await t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: 'ADMIN', password: 'linli2026' });
      expect(res.status).toBe(200);
    });

    it('answers a wrong password and an unknown user alike: 401 AUTH_INVALID_CREDENTIALS, nothing written', async () => {
      const auditBefore = await countRows(t, 'audit_logs');
      const tokensBefore = await countRows(t, 'refresh_tokens');
      const wrong = await t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: 'admin', password: 'wrong-pass1' });
      const unknown = await t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: 'nobody', password: 'wrong-pass1' });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          code: 'AUTH_INVALID_CREDENTIALS',
          message: '用户名或密码错误',
          requestId: res.headers['x-request-id'],
        });
      }
      expect(await countRows(t, 'audit_logs')).toBe(auditBefore);
      expect(await countRows(t, 'refresh_tokens')).toBe(tokensBefore);
    });

    it('lists every invalid field (400 VALIDATION_FAILED) and rejects unknown fields', async () => {
      const res = await t.http().post('/api/admin/auth/login').send({ username: 123 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['password', 'username']);
      const extra = await t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: 'admin', password: 'linli2026', remember: true });
      expect(extra.status).toBe(400);
      expect(extra.body.fields).toEqual([{ field: 'remember', errors: [expect.any(String)] }]);
    });

    it('refuses a disabled account with AUTH_ACCOUNT_DISABLED', async () => {
      const op = await createStaffAndLogin(t, admin.accessToken, ['operator']);
      await t
        .http()
        .post(`/api/admin/staff/${op.id}/disable`)
        .set(...bearer(admin.accessToken))
        .expect(200);
      const res = await t
        .http()
        .post('/api/admin/auth/login')
        .send({ username: op.username, password: op.password });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_ACCOUNT_DISABLED');
    });
  });

  describe('me and the default-deny guard', () => {
    it('returns the logged-in staff member', async () => {
      const res = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect(res.body).toMatchObject({ id: admin.staff.id, username: 'admin' });
      expect(res.body).not.toHaveProperty('passwordHash');
    });

    it('needs a token: none, garbage, or a wrongly signed one → 401 UNAUTHENTICATED', async () => {
      const none = await t.http().get('/api/admin/auth/me');
      const garbage = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer('not-a-jwt'));
      const forged = new JwtService({}).sign({ sub: '1', kind: 'staff', tv: 0 }, { secret: 'x'.repeat(40) });
      const wrongSecret = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(forged));
      for (const res of [none, garbage, wrongSecret]) {
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('UNAUTHENTICATED');
      }
    });

    it('answers an expired token with TOKEN_EXPIRED', async () => {
      const expired = new JwtService({}).sign(
        { sub: String(admin.staff.id), kind: 'staff', tv: 0, exp: Math.floor(Date.now() / 1000) - 10 },
        { secret: t.config.jwt.secret },
      );
      const res = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(expired));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TOKEN_EXPIRED');
    });

    it('keeps member tokens out of the admin area', async () => {
      const memberToken = new JwtService({}).sign(
        { sub: '1', kind: 'member' },
        { secret: t.config.jwt.secret },
      );
      const res = await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(memberToken));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it.each(['/api/%61dmin/auth/me', '/api/admin/auth/%6De'])(
      'keeps member tokens out of the admin area however the path is spelled (%s)',
      async (path) => {
        const memberToken = new JwtService({}).sign(
          { sub: '1', kind: 'member' },
          { secret: t.config.jwt.secret },
        );
        const res = await t
          .http()
          .get(path)
          .set(...bearer(memberToken));
        // Refused by the guard's area check itself, not only by a handler that happens to need staff.
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: '请使用员工账号登录' });
      },
    );
  });
});

// A fresh app: login routes allow 10 attempts per minute per IP, and these tests log in often.
describe('admin token refresh and logout', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    admin = await loginAsAdmin(t);
  });
  afterAll(() => t.close());

  describe('refresh and logout', () => {
    it('rotates: the new pair works, the old refresh token is single-use', async () => {
      const session = await login(t, 'admin', 'linli2026');
      const first = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: session.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(session.refreshToken);
      expect(first.body.staff.username).toBe('admin');
      await t
        .http()
        .get('/api/admin/auth/me')
        .set(...bearer(first.body.accessToken))
        .expect(200);

      const second = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);
    });

    it('detects reuse of a rotated token and revokes the whole family', async () => {
      const session = await login(t, 'admin', 'linli2026');
      const rotated = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: session.refreshToken });
      expect(rotated.status).toBe(200);
      // The original token is replayed (stolen): refused, and the legitimate successor dies with it.
      const replay = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: session.refreshToken });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH_REFRESH_INVALID');
      const successor = await t
        .http()
        .post('/api/admin/auth/refresh')
        .send({ refreshToken: rotated.body.refreshToken });
      expect(successor.status).toBe(401);
      expect(successor.body.code).toBe('AUTH_REFRESH_INVALID');
    });

    it('refuses unknown refresh tokens and invalid bodies', async () => {
      const unknown = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: 'nope' });
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('AUTH_REFRESH_INVALID');
      const empty = await t.http().post('/api/admin/auth/refresh').send({});
      expect(empty.status).toBe(400);
      expect(empty.body.fields[0].field).toBe('refreshToken');
    });

    it('logout revokes the session (204) and is idempotent', async () => {
      const session = await login(t, 'admin', 'linli2026');
      await t.http().post('/api/admin/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await t.http().post('/api/admin/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      const res = await t.http().post('/api/admin/auth/refresh').send({ refreshToken: session.refreshToken });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_REFRESH_INVALID');
    });

    it('stores refresh tokens only as SHA-256 hashes', async () => {
      const rows = (await t.dataSource.query('SELECT token_hash FROM refresh_tokens')) as Array<{
        token_hash: string;
      }>;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows.map((r) => r.token_hash)).not.toContain(admin.refreshToken);
    });
  });
});

describe('admin login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('allows 10 login attempts per minute per IP, then 429 RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.http().post('/api/admin/auth/login').send({ username: 'x', password: 'y' });
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

describe('login rate limit from LOGIN_RATE_LIMIT_PER_MINUTE', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('applies the configured number', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await t.http().post('/api/admin/auth/login').send({ username: 'x', password: 'y' })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
