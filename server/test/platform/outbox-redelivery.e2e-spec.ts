import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnOutboxEvent, OutboxService, TransactionRunner, type OutboxEvent } from '../../src/platform';
import { OutboxDelivery } from '../../src/platform/outbox/outbox-delivery';
import { OutboxEventEntity } from '../../src/platform/outbox/outbox-event.entity';
import { OutboxFailureEntity } from '../../src/platform/outbox/outbox-failure.entity';
import { OUTBOX_OPTIONS, type OutboxOptions } from '../../src/platform/outbox/outbox-options';
import { OutboxRedelivery } from '../../src/platform/outbox/outbox-redelivery';
import { ProcessedEventEntity } from '../../src/platform/outbox/processed-event.entity';
import {
  JobQueueAdapter,
  type JobName,
  type JobOptions,
  type JobPayloads,
} from '../../src/platform/queue/job-queue';
import { createTestApp, type TestApp } from '../support/test-app';
import { ProbeModule, ProbeRecorder } from './support/probe.module';

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function publish(t: TestApp, type: string, note: string): Promise<string> {
  await t.app
    .get(TransactionRunner)
    .run((manager) => t.app.get(OutboxService).publish(manager, { type, payload: { note } }));
  const rows = await t.dataSource
    .getRepository(OutboxEventEntity)
    .find({ where: { type }, order: { id: 'DESC' } });
  return rows.find((row) => row.payload.note === note)!.eventId;
}

describe('outbox redelivery after a lost in-process queue', () => {
  const sqlitePath = join(tmpdir(), `linli-redelivery-${process.pid}-${Date.now()}.sqlite`);
  let first: TestApp | null = null;
  let second: TestApp | null = null;

  afterAll(async () => {
    await second?.close();
    await first?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqlitePath + suffix, { force: true });
  });

  it('delivers an event whose queued job died with the process, after a restart', async () => {
    // The in-process queue on a database that outlives the app: a file, or the MySQL test database.
    first = await createTestApp({ modules: [ProbeModule], env: { SQLITE_PATH: sqlitePath, REDIS_URL: '' } });
    const adapter = first.app.get(JobQueueAdapter);
    const add = adapter.add.bind(adapter);
    // Hold every delivery far in the future so it is still waiting when the process "stops".
    jest
      .spyOn(adapter, 'add')
      .mockImplementation(<N extends JobName>(name: N, data: JobPayloads[N], options?: JobOptions) =>
        add(name, data, name === 'outbox.deliver' ? { ...options, delayMs: 3_600_000 } : options),
      );
    const eventId = await publish(first, 'probe.happened', 'survives-restart');
    const events = first.dataSource.getRepository(OutboxEventEntity);
    // The commit nudged the relay: the job is queued and the row marked relayed.
    await waitFor(async () => (await events.findOneByOrFail({ eventId })).relayedAt !== null);
    await first.close(); // drops the waiting job
    expect(first.app.get(ProbeRecorder).handled).not.toContain('survives-restart');

    second = await createTestApp({ modules: [ProbeModule], shareWith: first });
    first = null;
    const recorder = second.app.get(ProbeRecorder);
    await waitFor(() => recorder.handled.includes('survives-restart'));
    const processed = second.dataSource.getRepository(ProcessedEventEntity);
    await waitFor(async () => (await processed.countBy({ eventId })) === 1);
    // Once every handler processed it the sweep settles it and stops looking at it.
    const sweep = await second.app.get(OutboxRedelivery).redeliver(0);
    expect(sweep.enqueued).toBe(0);
    const settled = await second.dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ eventId });
    expect(settled.settledAt).not.toBeNull();
    expect(recorder.handled.filter((note) => note === 'survives-restart')).toHaveLength(1);
  });
});

@Injectable()
class DoomedHandler {
  calls = 0;
  healed = false;

  @OnOutboxEvent('redelivery.doomed', 'redeliveryTest.alwaysFails')
  async handle(event: OutboxEvent, _manager: EntityManager): Promise<void> {
    this.calls += 1;
    if (!this.healed) throw new Error(`cannot handle ${String(event.payload.note)}`);
  }
}

@Module({ providers: [DoomedHandler] })
class DoomedModule {}

describe('outbox delivery that keeps failing', () => {
  let t: TestApp;
  let handler: DoomedHandler;

  beforeAll(async () => {
    t = await createTestApp({ modules: [DoomedModule] });
    handler = t.app.get(DoomedHandler);
    const options = t.app.get<OutboxOptions>(OUTBOX_OPTIONS);
    Object.assign(options, { deliveryAttempts: 3, deliveryBackoffMs: 1 } satisfies Partial<OutboxOptions>);
  });
  afterAll(() => t.close());

  it('is recorded as failed after its attempts, is not redelivered, and can be retried', async () => {
    const outbox = t.app.get(OutboxService);
    const failures = t.dataSource.getRepository(OutboxFailureEntity);
    const eventId = await publish(t, 'redelivery.doomed', 'poison');
    await waitFor(async () => (await failures.findOneBy({ eventId }))?.failedAt != null);

    expect(handler.calls).toBe(3);
    expect(await outbox.failedDeliveries()).toBe(1);
    // The operator sees it on the dashboard's 系统状态 card.
    const health = await t.http().get('/api/health');
    expect(health.body.queue).toMatchObject({ outboxFailed: 1 });
    expect(await outbox.listFailedDeliveries()).toEqual([
      expect.objectContaining({
        eventId,
        handlerName: 'redeliveryTest.alwaysFails',
        attempts: 3,
        lastError: expect.stringContaining('cannot handle poison') as string,
      }),
    ]);

    // The sweep leaves it alone (and settles it), and a stale job for it is a no-op.
    const add = jest.spyOn(t.app.get(JobQueueAdapter), 'add');
    const sweep = await t.app.get(OutboxRedelivery).redeliver(0);
    expect(sweep).toEqual({ enqueued: 0, settled: 1 });
    expect(add).not.toHaveBeenCalled();
    await t.app.get(OutboxDelivery).deliver({ eventId, handlerName: 'redeliveryTest.alwaysFails' });
    expect(handler.calls).toBe(3);
    add.mockRestore();

    // Work that must commit with the retry (its audit row) fails: the retry is rolled back, nothing queued.
    const queued = jest.spyOn(t.app.get(JobQueueAdapter), 'add');
    await expect(
      outbox.retryFailedDelivery(eventId, 'redeliveryTest.alwaysFails', () =>
        Promise.reject(new Error('audit insert failed')),
      ),
    ).rejects.toThrow('audit insert failed');
    expect(queued).not.toHaveBeenCalled();
    queued.mockRestore();
    expect(await outbox.failedDeliveries()).toBe(1);

    // The operator fixed the cause and retries: a fresh delivery runs and clears the record.
    handler.healed = true;
    expect(await outbox.retryFailedDelivery(eventId, 'redeliveryTest.alwaysFails')).toBe(true);
    await waitFor(
      async () => (await t.dataSource.getRepository(ProcessedEventEntity).countBy({ eventId })) === 1,
    );
    expect(handler.calls).toBe(4);
    expect(await failures.countBy({ eventId })).toBe(0);
    expect(await outbox.failedDeliveries()).toBe(0);
    expect(await outbox.retryFailedDelivery(eventId, 'redeliveryTest.alwaysFails')).toBe(false);
  });
});
