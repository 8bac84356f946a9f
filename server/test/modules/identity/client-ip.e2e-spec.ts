import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

/** The audit log (and the per-IP rate limit) must see the real client, not the reverse proxy. */
async function loginIpRecorded(t: TestApp): Promise<string | null> {
  await seedDemo(t);
  const res = await t
    .http()
    .post('/api/admin/auth/login')
    .set('X-Forwarded-For', '203.0.113.7')
    .send({ username: 'admin', password: 'linli2026' });
  expect(res.status).toBe(200);
  const session = await loginAsAdmin(t);
  const audit = await t
    .http()
    .get('/api/admin/audit-logs')
    .query({ action: 'auth.login', pageSize: 50 })
    .set(...bearer(session.accessToken));
  const entries = audit.body.items as Array<{ ip: string | null; requestId: string | null }>;
  const first = entries.find((entry) => entry.requestId === res.headers['x-request-id']);
  return first?.ip ?? null;
}

describe('client IP behind a reverse proxy', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY is set (a client cannot spoof its IP)', async () => {
    const t = await createTestApp();
    try {
      expect(await loginIpRecorded(t)).not.toBe('203.0.113.7');
    } finally {
      await t.close();
    }
  });

  it('records the forwarded client IP when TRUST_PROXY=true', async () => {
    const t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      expect(await loginIpRecorded(t)).toBe('203.0.113.7');
    } finally {
      await t.close();
    }
  });
});
