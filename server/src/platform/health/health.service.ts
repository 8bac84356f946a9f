import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ComponentStatus, HealthResponse } from '@linli/shared-types';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxService } from '../outbox/outbox.service';
import { JobQueueAdapter } from '../queue/job-queue';
import { RedisHealth, withTimeout } from './redis-health';

const DB_PING_TIMEOUT_MS = 2000;

type ComponentName = 'database' | 'redis' | 'queue';

/** A component's public report plus, internally, the error text that only goes to the log. */
type Checked<T> = T & { error?: string };

/**
 * The health endpoint is public: it tells statuses and latencies, never driver error texts (they carry
 * host names, ports, user names). Those go to the log, once per change of a component's status.
 */
@Injectable()
export class HealthService {
  private readonly logger = new Logger('Health');
  private readonly lastStatus = new Map<ComponentName, ComponentStatus>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisHealth,
    private readonly queue: JobQueueAdapter,
    private readonly relay: OutboxRelay,
    private readonly outbox: OutboxService,
  ) {}

  async check(): Promise<HealthResponse> {
    const [database, redis, queue] = await Promise.all([
      this.database(),
      this.redis.ping(),
      this.queueStatus(),
    ]);
    this.logStatusChanges({ database, redis, queue });
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
      database: withoutError(database),
      redis: withoutError(redis),
      queue: withoutError(queue),
    };
  }

  private logStatusChanges(
    components: Record<ComponentName, { status: ComponentStatus; error?: string }>,
  ): void {
    for (const [name, { status, error }] of Object.entries(components) as [
      ComponentName,
      { status: ComponentStatus; error?: string },
    ][]) {
      const previous = this.lastStatus.get(name);
      if (previous === status) continue;
      this.lastStatus.set(name, status);
      if (status === 'down') this.logger.error({ component: name, error }, `健康检查: ${name} 不可用`);
      else if (previous === 'down') this.logger.log({ component: name }, `健康检查: ${name} 已恢复`);
    }
  }

  private async database(): Promise<Checked<HealthResponse['database']>> {
    const driver = this.config.database.type === 'sqlite' ? 'better-sqlite3' : 'mysql';
    const started = performance.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), DB_PING_TIMEOUT_MS);
      return { status: 'up', driver, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', driver, error: (error as Error).message };
    }
  }

  private async queueStatus(): Promise<Checked<HealthResponse['queue']>> {
    const stats = await withTimeout(this.queue.stats(), DB_PING_TIMEOUT_MS).catch((error: Error) => ({
      adapter: this.config.redisUrl ? ('bull' as const) : ('in-process' as const),
      status: 'down' as const,
      error: error.message,
    }));
    const [outboxPending, outboxFailed] = await Promise.all([
      withTimeout(this.relay.pendingCount(), DB_PING_TIMEOUT_MS).catch(() => undefined),
      withTimeout(this.outbox.failedDeliveries(), DB_PING_TIMEOUT_MS).catch(() => undefined),
    ]);
    return { ...stats, outboxPending, outboxFailed };
  }
}

function withoutError<T extends object>(component: Checked<T>): T {
  const { error: _error, ...rest } = component;
  return rest as T;
}
