import { Inject, Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { EntityManager } from 'typeorm';
import { AppModule } from '../../src/app.module';
import {
  APP_CONFIG,
  JobHandler,
  OnOutboxEvent,
  OutboxService,
  TransactionRunner,
  type AppConfig,
  type OutboxEvent,
} from '../../src/platform';
import { testDatabaseUrl } from '../../src/platform/database/test-database-guard';
import { ProcessedEventEntity } from '../../src/platform/outbox/processed-event.entity';
import { createTestApp, type TestApp } from '../support/test-app';

declare module '../../src/platform' {
  interface JobPayloads {
    'worker-probe.echo': { text: string };
  }
}

/** What this process consumed, tagged with its role. */
@Injectable()
class RoleRecorder {
  readonly jobs: string[] = [];
  readonly events: string[] = [];

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {}

  @JobHandler('worker-probe.echo')
  async echo(data: { text: string }): Promise<void> {
    this.jobs.push(data.text);
  }

  @OnOutboxEvent('worker-probe.happened', 'workerProbe.recordHappened')
  async happened(event: OutboxEvent, _manager: EntityManager): Promise<void> {
    this.events.push(String(event.payload.note));
  }
}

@Module({ providers: [RoleRecorder] })
class RoleProbeModule {}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The worker process as src/main.ts starts it (createWorkerContext), plus the test-only module. */
async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config, [RoleProbeModule]), {
    bufferLogs: true,
    abortOnError: false,
  });
  context.useLogger(context.get(PinoLogger));
  context.flushLogs();
  await context.init();
  return context;
}

const services = Boolean(testDatabaseUrl(process.env) && process.env.REDIS_URL);
const describeWithServices = services ? describe : describe.skip;

describeWithServices(
  'PROCESS_ROLE=api and PROCESS_ROLE=worker on one database and queue (skipped on embedded SQLite: needs MySQL/MariaDB + Redis)',
  () => {
    let api: TestApp;
    let worker: INestApplicationContext | null = null;

    beforeAll(async () => {
      api = await createTestApp({ modules: [RoleProbeModule], env: { PROCESS_ROLE: 'api' } });
    });
    afterAll(async () => {
      await worker?.close();
      await api.close();
    });

    it('the api only adds; the worker consumes jobs and outbox deliveries', async () => {
      const apiRecorder = api.app.get(RoleRecorder);
      expect(apiRecorder.config.processRole).toBe('api');

      // Queued before any consumer exists: an api process that consumed would take these itself.
      await api.queue.add('worker-probe.echo', { text: 'job-before-worker' });
      await api.app
        .get(TransactionRunner)
        .run((manager) =>
          api.app
            .get(OutboxService)
            .publish(manager, { type: 'worker-probe.happened', payload: { note: 'event-before-worker' } }),
        );

      worker = await startWorker({ ...api.config, processRole: 'worker' });
      const workerRecorder = worker.get(RoleRecorder);
      expect(workerRecorder.config.processRole).toBe('worker');
      await waitFor(() => workerRecorder.jobs.includes('job-before-worker'));
      await waitFor(() => workerRecorder.events.includes('event-before-worker'));

      // And while both run.
      await api.queue.add('worker-probe.echo', { text: 'job-with-worker' });
      await waitFor(() => workerRecorder.jobs.includes('job-with-worker'));

      expect(apiRecorder.jobs).toEqual([]);
      expect(apiRecorder.events).toEqual([]);
      expect(
        await api.dataSource
          .getRepository(ProcessedEventEntity)
          .countBy({ handlerName: 'workerProbe.recordHappened' }),
      ).toBe(1);
    });
  },
);
