import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { BullJobQueue } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue, JobQueueAdapter } from './job-queue';
import { JobRegistry } from './job-registry';

/** Starts consuming in roles `all`/`worker`; drains before the database closes. */
@Injectable()
class QueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapter: JobQueueAdapter,
    private readonly registry: JobRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.processRole === 'api') return; // producers only
    this.adapter.startConsuming((name, data) => this.registry.dispatch(name, data));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.adapter.close();
  }
}

@Module({})
export class QueueModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        JobRegistry,
        {
          provide: JobQueueAdapter,
          inject: [JobRegistry],
          useFactory: (registry: JobRegistry): JobQueueAdapter => {
            // Adding an unknown job fails at the call site, not silently in a worker later.
            const validateName = (name: string): void => {
              if (!registry.has(name)) throw new Error(`任务 "${name}" 没有 @JobHandler 处理器`);
            };
            return config.redisUrl
              ? new BullJobQueue(
                  config.redisUrl,
                  config.queuePrefix,
                  validateName,
                  undefined,
                  config.queueLockMs,
                )
              : new InProcessJobQueue(validateName);
          },
        },
        { provide: JobQueue, useExisting: JobQueueAdapter },
        QueueLifecycle,
      ],
      exports: [JobQueue, JobQueueAdapter, JobRegistry],
    };
  }
}
