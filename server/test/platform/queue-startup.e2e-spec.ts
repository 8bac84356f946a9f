import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../src/app.module';
import { defineJob, loadConfig } from '../../src/platform';
import { recreateMysqlDatabase } from '../../src/platform/database/ensure-mysql-database';
import { assertDisposableDatabase, testDatabaseUrl } from '../../src/platform/database/test-database-guard';
import { createFastifyAdapter } from '../../src/platform/http/fastify-adapter';
import type { JobName } from '../../src/platform/queue/job-queue';
import { deleteRedisKeys } from '../support/test-app';

// Declared at module load like a real job file, but no provider handles it. (Jest isolates modules
// per test file, so this declaration does not reach other suites.)
defineJob('queue-startup.forgotten' as JobName);

describe('start-up check of declared jobs', () => {
  it('refuses to start the real app, naming the job that has no @JobHandler', async () => {
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      SQLITE_PATH: ':memory:',
      JWT_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
      QUEUE_PREFIX: `linli-startup-${process.pid}-${randomBytes(3).toString('hex')}`,
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      STATIC_ROOT: '',
    };
    const databaseUrl = testDatabaseUrl(process.env);
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    if (process.env.REDIS_URL) env.REDIS_URL = process.env.REDIS_URL;
    const config = loadConfig(env);
    if (config.database.type === 'mysql') {
      assertDisposableDatabase(config.database.url);
      await recreateMysqlDatabase(config.database.url);
    }

    // Built by hand (not createTestApp) so the half-started app can still be closed.
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config),
      createFastifyAdapter(config),
      { logger: false, abortOnError: false },
    );
    try {
      await expect(app.init()).rejects.toThrow(/启动失败: 任务 "queue-startup\.forgotten" 没有 @JobHandler/);
    } finally {
      await app.close();
      if (config.redisUrl) await deleteRedisKeys(config.redisUrl, config.queuePrefix);
    }
  });
});
