import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
  });
  afterAll(() => t.close());

  it('logs in', async () => {
    const s = await loginAsAdmin(t);
    const me = await t.http().get('/api/admin/auth/me').set(...bearer(s.accessToken));
    console.log(me.status, me.body);
    const dev = await t.http().post('/api/app/auth/dev-login').send({});
    console.log(dev.status, JSON.stringify(dev.body));
    const c = await t.http().get('/api/app/campaigns').set(...bearer(dev.body.accessToken));
    console.log(c.status, JSON.stringify(c.body).slice(0, 800));
  });
});
