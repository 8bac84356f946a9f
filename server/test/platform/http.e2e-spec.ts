import { createTestApp, type TestApp } from '../support/test-app';
import { ProbeModule } from './support/probe.module';

describe('platform HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ modules: [ProbeModule], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  describe('request id', () => {
    it('generates one and exposes it on the response and in the request context', async () => {
      const res = await t.http().get('/api/probe/context').expect(200);
      const id = res.headers['x-request-id'];
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).toMatchObject({ requestId: id, actor: { type: 'anonymous' } });
    });

    it('reuses a sane client id and replaces an insane one', async () => {
      const sane = await t.http().get('/api/probe/context').set('X-Request-Id', 'client-abc-12345');
      expect(sane.headers['x-request-id']).toBe('client-abc-12345');
      const insane = await t.http().get('/api/probe/context').set('X-Request-Id', 'bad id\twith spaces');
      expect(insane.headers['x-request-id']).not.toBe('bad id\twith spaces');
      expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('is on error responses too, equal to the body requestId', async () => {
      const res = await t.http().get('/api/no-such-route').expect(404);
      expect(res.body).toEqual({
        code: 'NOT_FOUND',
        message: expect.any(String),
        requestId: res.headers['x-request-id'],
      });
    });
  });

  describe('errors', () => {
    it('maps a BusinessError to its status, code and Chinese message', async () => {
      const res = await t.http().get('/api/probe/business-error').expect(409);
      expect(res.body).toEqual({
        code: 'PROBE_SOLD_OUT',
        message: '已售罄',
        requestId: res.headers['x-request-id'],
      });
    });

    it('hides unexpected errors behind 500 INTERNAL_ERROR without details', async () => {
      const res = await t.http().get('/api/probe/crash').expect(500);
      expect(res.body).toEqual({
        code: 'INTERNAL_ERROR',
        message: '服务器开小差了，请稍后再试',
        requestId: res.headers['x-request-id'],
      });
      expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
    });

    it('answers malformed JSON with a 400 ApiErrorBody', async () => {
      const res = await t
        .http()
        .post('/api/probe/orders')
        .set('content-type', 'application/json')
        .send('{"name":');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_REQUEST', requestId: res.headers['x-request-id'] });
    });
  });

  describe('validation', () => {
    it('accepts and transforms a valid body', async () => {
      const res = await t
        .http()
        .post('/api/probe/orders')
        .send({ name: '张三', items: [{ quantity: 2 }] })
        .expect(201);
      expect(res.body).toEqual({ name: '张三', items: [{ quantity: 2 }] });
    });

    it('lists every offending field with nested paths and Chinese messages', async () => {
      const res = await t
        .http()
        .post('/api/probe/orders')
        .send({ name: 'x', items: [{ quantity: 0 }] })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toBe('请求参数不正确');
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
      const fields = Object.fromEntries(
        (res.body.fields as { field: string; errors: string[] }[]).map((f) => [f.field, f.errors]),
      );
      expect(fields['name']).toEqual(['长度过短']);
      expect(fields['items.0.quantity']).toEqual(['数值过小']);
    });

    it('rejects unknown fields, also nested ones', async () => {
      const res = await t
        .http()
        .post('/api/probe/orders')
        .send({ name: '张三', isAdmin: true, items: [{ quantity: 1, price: 1 }] })
        .expect(400);
      expect(res.body.fields).toEqual(
        expect.arrayContaining([
          { field: 'isAdmin', errors: ['不允许的字段'] },
          { field: 'items.0.price', errors: ['不允许的字段'] },
        ]),
      );
    });
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/probe/orders')
      .send({ name: 'x'.repeat(4096), items: [{ quantity: 1 }] })
      .expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', requestId: res.headers['x-request-id'] });
  });

  it('applies a route-level @RouteConfig rate limit with 429 RATE_LIMITED', async () => {
    await t.http().get('/api/probe/limited').expect(200);
    await t.http().get('/api/probe/limited').expect(200);
    const res = await t.http().get('/api/probe/limited').expect(429);
    expect(res.body).toEqual({
      code: 'RATE_LIMITED',
      message: '请求过于频繁，请稍后再试',
      requestId: res.headers['x-request-id'],
    });
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('allows no cross-origin requests when CORS_ORIGINS is empty', async () => {
    const res = await t.http().get('/api/health').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('describes the API in OpenAPI JSON at /api/docs-json with the bearer scheme and error body', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/probe/orders']));
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(res.body.components.schemas.ApiErrorBodyDto.required).toEqual(
      expect.arrayContaining(['code', 'message', 'requestId']),
    );
    expect(res.body.paths['/api/probe/orders'].post.responses['400']).toBeDefined();
    const ui = await t.http().get('/api/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});

describe('platform HTTP: CORS allow-list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: 'https://admin.example.com' } });
  });
  afterAll(() => t.close());

  it('allows listed origins only', async () => {
    const ok = await t.http().get('/api/health').set('Origin', 'https://admin.example.com');
    expect(ok.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    const other = await t.http().get('/api/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
