import { createTestApp, type TestApp } from '../support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports database, redis, queue and outbox (200 when the database is up)', async () => {
    const res = await t.http().get('/api/health').expect(200);
    const services = Boolean(process.env.DATABASE_URL);
    expect(res.body).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      mode: services ? 'services' : 'embedded',
      database: {
        status: 'up',
        driver: services ? 'mysql' : 'better-sqlite3',
        latencyMs: expect.any(Number),
      },
      queue: { status: 'up', adapter: process.env.REDIS_URL ? 'bull' : 'in-process', outboxPending: 0 },
    });
    expect(res.body.redis.status).toBe(process.env.REDIS_URL ? 'up' : 'not_configured');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is 503 with status down when the database does not answer', async () => {
    const query = jest.spyOn(t.dataSource, 'query').mockRejectedValueOnce(new Error('connection lost'));
    try {
      const res = await t.http().get('/api/health').expect(503);
      expect(res.body).toMatchObject({
        status: 'down',
        database: { status: 'down', error: 'connection lost' },
      });
    } finally {
      query.mockRestore();
    }
    await t.http().get('/api/health').expect(200);
  });
});
