import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { RedisHealth } from './health/redis-health';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { createValidationPipe } from './http/validation';
import { PlatformLoggerModule } from './logging/logger.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { RedisClient } from './redis/redis-client';
import { createFileStorage } from './storage/create-file-storage';
import { FILE_STORAGE } from './storage/file-storage';

/** Config, logging, database, queue, outbox, file storage, health and the global HTTP filter/pipe. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        PlatformLoggerModule.forRoot(config),
        DatabaseModule.forRoot(config),
        QueueModule.forRoot(config),
        OutboxModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: FILE_STORAGE, useValue: createFileStorage(config) },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        RedisHealth,
        HealthService,
        RedisClient,
      ],
      exports: [APP_CONFIG, FILE_STORAGE, RedisClient],
    };
  }
}
