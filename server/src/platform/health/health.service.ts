import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@linli/shared-types';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxRelay } from '../outbox/outbox-relay';
import { JobQueueAdapter } from '../queue/job-queue';
import { RedisHealth, withTimeout } from './redis-health';

const DB_PING_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisHealth,
    private readonly queue: JobQueueAdapter,
    private readonly relay: OutboxRelay,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis, queue] = await Promise.all([
      this.database(),
      this.redis.ping(),
      this.queueStatus(),
    ]);
    const status =
      database.status !== 'up'
        ? 'down'
        : redis.status === 'down' || queue.status === 'down'
          ? 'degraded'
          : 'ok';
    return {
      status,
      version: this.config.version,
      mode: this.config.database.type === 'sqlite' ? 'embedded' : 'services',
      uptimeSeconds: Math.round(process.uptime()),
      time: new Date().toISOString(),
      database,
      redis,
      queue,
    };
  }

  private async database(): Promise<HealthResponse['database']> {
    const driver = this.config.database.type === 'sqlite' ? 'better-sqlite3' : 'mysql';
    const started = performance.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), DB_PING_TIMEOUT_MS);
      return { status: 'up', driver, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', driver, error: (error as Error).message };
    }
  }

  private async queueStatus(): Promise<HealthResponse['queue']> {
    const stats = await withTimeout(this.queue.stats(), DB_PING_TIMEOUT_MS).catch((error: Error) => ({
      adapter: this.config.redisUrl ? ('bull' as const) : ('in-process' as const),
      status: 'down' as const,
      error: error.message,
    }));
    const outboxPending = await withTimeout(this.relay.pendingCount(), DB_PING_TIMEOUT_MS).catch(
      () => undefined,
    );
    return { ...stats, outboxPending };
  }
}
