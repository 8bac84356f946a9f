import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The shared Redis connection for business use (the flash-sale gate). Null when REDIS_URL is not set:
 * callers then take their database-only path. Commands time out instead of waiting for a Redis that is
 * gone, so a caller can fail closed quickly.
 */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisClient.name);
  readonly client: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = config.redisUrl
      ? new Redis(config.redisUrl, {
          maxRetriesPerRequest: 1,
          commandTimeout: 1000,
          // Connect on first use: processes that never touch it (workers of other jobs) open nothing.
          lazyConnect: true,
        })
      : null;
    this.client?.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis client error'));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.client.status !== 'end') await this.client.quit().catch(() => undefined);
  }
}
