import type Bull from 'bull';
import { OutboxService, TransactionRunner } from '../../src/platform';
import { OutboxDelivery } from '../../src/platform/outbox/outbox-delivery';
import { OutboxEventEntity } from '../../src/platform/outbox/outbox-event.entity';
import { OutboxRelay } from '../../src/platform/outbox/outbox-relay';
import { ProcessedEventEntity } from '../../src/platform/outbox/processed-event.entity';
import { InProcessJobQueue } from '../../src/platform/queue/in-process-job-queue';
import { JobQueueAdapter } from '../../src/platform/queue/job-queue';
import { createTestApp, type TestApp } from '../support/test-app';
import { ProbeModule, ProbeRecorder } from './support/probe.module';

/** Polls a condition on the system's state (never a fixed sleep). */
async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Where a job with this id is in the adapter: 'delayed', 'waiting', … or null when it is not queued. */
async function jobState(
  adapter: JobQueueAdapter,
  jobId: string,
): Promise<{ state: string; attemptsMade: number; delayMs?: number } | null> {
  if (adapter instanceof InProcessJobQueue) {
    const job = adapter.pendingJobs().find((j) => j.jobId === jobId);
    return job
      ? {
          state: job.delayMs > 0 ? 'delayed' : 'waiting',
          attemptsMade: job.attemptsMade,
          delayMs: job.delayMs,
        }
      : null;
  }
  // Bull: the adapter keeps its queue private; tests may look.
  const bull = (adapter as unknown as { queue: Bull.Queue }).queue;
  const job = await bull.getJob(jobId);
  return job ? { state: await job.getState(), attemptsMade: job.attemptsMade } : null;
}

describe('job queue and transactional outbox', () => {
  let t: TestApp;
  let recorder: ProbeRecorder;
  let adapter: JobQueueAdapter;

  beforeAll(async () => {
    t = await createTestApp({ modules: [ProbeModule] });
    recorder = t.app.get(ProbeRecorder);
    adapter = t.app.get(JobQueueAdapter);
  });
  afterAll(() => t.close());

  it('runs a named job through its @JobHandler', async () => {
    await t.queue.add('probe.echo', { text: 'hello' });
    await waitFor(() => recorder.echoes.includes('hello'));
  });

  it('retries a failing job until it succeeds, within its attempts', async () => {
    recorder.failNextEchoes = 2;
    await t.queue.add('probe.echo', { text: 'retried' }, { attempts: 3, backoffMs: 10 });
    await waitFor(() => recorder.echoes.includes('retried'));
    expect(recorder.failNextEchoes).toBe(0); // two failures, then the third try succeeded
    expect(recorder.echoes.filter((text) => text === 'retried')).toHaveLength(1);
  });

  it('puts a failed job back as delayed by its backoff, not straight back to run', async () => {
    recorder.failNextEchoes = 1;
    await t.queue.add(
      'probe.echo',
      { text: 'backing-off' },
      { attempts: 2, backoffMs: 600_000, jobId: 'backoff-1' },
    );
    await waitFor(() => recorder.failNextEchoes === 0); // the first try ran and failed
    await waitFor(async () => (await jobState(adapter, 'backoff-1'))?.state === 'delayed');
    const state = await jobState(adapter, 'backoff-1');
    expect(state).toMatchObject({ state: 'delayed', attemptsMade: 1 });
    if (adapter instanceof InProcessJobQueue) expect(state?.delayMs).toBe(600_000); // backoff × 2^0
    expect(recorder.echoes).not.toContain('backing-off');
  });

  it('keeps a delayed job queued while later immediate jobs run', async () => {
    await t.queue.add('probe.echo', { text: 'delayed' }, { delayMs: 600_000, jobId: 'delayed-1' });
    await t.queue.add('probe.echo', { text: 'after-delayed' });
    await waitFor(() => recorder.echoes.includes('after-delayed'));
    expect(await jobState(adapter, 'delayed-1')).toMatchObject({ state: 'delayed', attemptsMade: 0 });
    expect(recorder.echoes).not.toContain('delayed');
  });

  it('refuses a job name without a handler at the call site', async () => {
    await expect(t.queue.add('no.such.job' as 'probe.echo', { text: 'x' })).rejects.toThrow(/no\.such\.job/);
  });

  it('delivers an event committed with the caller’s transaction to its handler', async () => {
    await t.http().post('/api/probe/events').send({ note: 'committed' }).expect(201);
    await waitFor(() => recorder.handled.includes('committed'));
    await waitFor(async () => (await t.app.get(OutboxRelay).pendingCount()) === 0);
    const processed = await t.dataSource
      .getRepository(ProcessedEventEntity)
      .countBy({ handlerName: 'probe.recordHappened' });
    expect(processed).toBeGreaterThanOrEqual(1);
  });

  it('rolls the event back with the caller’s transaction, leaving nothing to relay', async () => {
    await t.http().post('/api/probe/events').send({ note: 'rolled-back', fail: true }).expect(409);
    const rows = await t.dataSource.getRepository(OutboxEventEntity).find();
    expect(rows.map((r) => r.payload.note)).not.toContain('rolled-back');
    await t.app.get(OutboxRelay).relayPending();
    expect(await t.app.get(OutboxRelay).pendingCount()).toBe(0);
  });

  it('runs a handler once when the same delivery is replayed, in sequence and concurrently', async () => {
    // A type nobody subscribes to: the relay enqueues nothing, so only the deliveries below run it.
    const transactions = t.app.get(TransactionRunner);
    await transactions.run((manager) =>
      t.app.get(OutboxService).publish(manager, { type: 'probe.unrouted', payload: { note: 'once' } }),
    );
    const row = await t.dataSource
      .getRepository(OutboxEventEntity)
      .findOneOrFail({ where: { type: 'probe.unrouted' } });
    const delivery = t.app.get(OutboxDelivery);
    const job = { eventId: row.eventId, handlerName: 'probe.recordHappened' };
    await Promise.all([delivery.deliver(job), delivery.deliver(job), delivery.deliver(job)]);
    await delivery.deliver(job);
    expect(recorder.handled.filter((note) => note === 'once')).toHaveLength(1);
    expect(await t.dataSource.getRepository(ProcessedEventEntity).countBy({ eventId: row.eventId })).toBe(1);
  });
});
