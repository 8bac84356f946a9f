import { Logger } from '@nestjs/common';
import { createTestApp, type TestApp } from '../support/test-app';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports database, redis, queue and outbox (200 when the database is up)', async () => {
    const res = await t.http().get('/api/health').expect(200);
    const services = t.config.database.type === 'mysql';
    expect(res.body).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      mode: services ? 'services' : 'embedded',
      database: {
        status: 'up',
        driver: services ? 'mysql' : 'better-sqlite3',
        latencyMs: expect.any(Number),
      },
      queue: {
        status: 'up',
        adapter: process.env.REDIS_URL ? 'bull' : 'in-process',
        outboxPending: 0,
        outboxFailed: 0,
      },
    });
    expect(res.body.redis.status).toBe(process.env.REDIS_URL ? 'up' : 'not_configured');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('is 503 with status down when the database does not answer, without leaking the driver error', async () => {
    const detail = "Access denied for user 'linli'@'10.0.0.5'";
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const query = jest.spyOn(t.dataSource, 'query').mockRejectedValue(new Error(detail));
    try {
      const first = await t.http().get('/api/health').expect(503);
      expect(first.body).toMatchObject({
        status: 'down',
        database: { status: 'down', driver: expect.any(String) },
      });
      expect(first.body.database).not.toHaveProperty('error');
      expect(first.body.redis).not.toHaveProperty('error');
      expect(first.body.queue).not.toHaveProperty('error');
      expect(first.text).not.toContain('10.0.0.5');
      await t.http().get('/api/health').expect(503);

      // The operator gets the detail in the log, once for the change to down, not once per request.
      const downLogs = logged.mock.calls.filter(([fields]) => JSON.stringify(fields).includes(detail));
      expect(downLogs).toHaveLength(1);
      expect(downLogs[0][0]).toMatchObject({ component: 'database', error: detail });
    } finally {
      query.mockRestore();
      logged.mockRestore();
    }
    await t.http().get('/api/health').expect(200);
  });
});
