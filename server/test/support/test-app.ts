import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/platform/bootstrap/create-app';
import { loadConfig, type AppConfig } from '../../src/platform/config/app-config';
import { recreateMysqlDatabase } from '../../src/platform/database/ensure-mysql-database';
import { assertDisposableDatabase, testDatabaseUrl } from '../../src/platform/database/test-database-guard';
import { JobQueue } from '../../src/platform/queue/job-queue';

export interface TestApp {
  app: NestFastifyApplication;
  /** `http().get('/api/health')` — a supertest agent on the app's server. */
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  queue: JobQueue;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment on top of the test defaults (e.g. `{ DEV_LOGIN: 'true' }`). */
  env?: Record<string, string>;
  /** Test-only modules (e.g. a controller exercising the platform). */
  modules?: Array<Type<unknown> | DynamicModule>;
  /** A second app on the SAME database and queue as this one (multi-process scenarios). */
  shareWith?: TestApp;
}

let counter = 0;

/**
 * The real AppModule on a fresh database. SQLite in memory by default; with TEST_DATABASE_URL (or else
 * DATABASE_URL) pointing at MySQL the database is dropped and re-created and every migration runs — only
 * when its name ends in `_e2e` or `_test`, so an exported production URL is refused, not wiped. With
 * REDIS_URL the queue is Bull under a prefix unique to this app, whose keys are deleted on close.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  counter += 1;
  const prefix = `linli-test-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    SQLITE_PATH: ':memory:',
    JWT_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MINUTE: '10000',
    STATIC_ROOT: '',
    // Uploaded files of test apps go to a throwaway folder, never into the repository's data/.
    UPLOAD_DIR: join(tmpdir(), prefix),
    ...pick({ DATABASE_URL: testDatabaseUrl(process.env), REDIS_URL: process.env.REDIS_URL }),
    ...options.env,
  };
  const config = options.shareWith ? options.shareWith.config : loadConfig(env);
  if (config.database.type === 'mysql') {
    // Also for shareWith: nothing may start on a database that is not a disposable one.
    assertDisposableDatabase(config.database.url);
    if (!options.shareWith) await recreateMysqlDatabase(config.database.url);
  }

  const app = await createHttpApp(config, { extraModules: options.modules });
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    http: () => request(app.getHttpServer()),
    dataSource,
    queue: app.get(JobQueue),
    config,
    close: async () => {
      await app.close();
      // The throwaway upload folder belongs to the app that created it (a shareWith app uses the same one).
      if (!options.shareWith && config.uploads.dir.startsWith(join(tmpdir(), 'linli-test-'))) {
        rmSync(config.uploads.dir, { recursive: true, force: true });
      }
      if (config.redisUrl) await deleteRedisKeys(config.redisUrl, config.queuePrefix);
    },
  };
}

/** The entries that are set (an unset DATABASE_URL must stay absent, not become ''). */
function pick(source: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) if (value) result[name] = value;
  return result;
}

/** Removes everything this test app wrote to Redis (queue and rate-limit keys). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
