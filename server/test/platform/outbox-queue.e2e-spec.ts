import { OutboxRelay } from '../../src/platform/outbox/outbox-relay';
import { OutboxDelivery } from '../../src/platform/outbox/outbox-delivery';
import { OutboxEventEntity } from '../../src/platform/outbox/outbox-event.entity';
import { ProcessedEventEntity } from '../../src/platform/outbox/processed-event.entity';
import { createTestApp, type TestApp } from '../support/test-app';
import { ProbeModule, ProbeRecorder } from './support/probe.module';

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('job queue and transactional outbox', () => {
  let t: TestApp;
  let recorder: ProbeRecorder;

  beforeAll(async () => {
    t = await createTestApp({ modules: [ProbeModule] });
    recorder = t.app.get(ProbeRecorder);
  });
  afterAll(() => t.close());

  it('runs a named job through its @JobHandler', async () => {
    await t.queue.add('probe.echo', { text: 'hello' });
    await waitFor(() => recorder.echoes.includes('hello'));
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    recorder.failNextEchoes = 2;
    await t.queue.add('probe.echo', { text: 'retried' }, { attempts: 3, backoffMs: 50 });
    await waitFor(() => recorder.echoes.includes('retried'));
    expect(recorder.failNextEchoes).toBe(0);
  });

  it('runs a delayed job no earlier than its delay', async () => {
    const started = Date.now();
    await t.queue.add('probe.echo', { text: 'delayed' }, { delayMs: 300 });
    await waitFor(() => recorder.echoes.includes('delayed'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
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

  it('rolls the event back with the caller’s transaction', async () => {
    await t.http().post('/api/probe/events').send({ note: 'rolled-back', fail: true }).expect(409);
    const rows = await t.dataSource.getRepository(OutboxEventEntity).find();
    expect(rows.map((r) => r.payload.note)).not.toContain('rolled-back');
    await t.app.get(OutboxRelay).relayPending();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recorder.handled).not.toContain('rolled-back');
  });

  it('does not run a handler twice when a delivered event is replayed', async () => {
    await t.http().post('/api/probe/events').send({ note: 'once' }).expect(201);
    await waitFor(() => recorder.handled.includes('once'));
    const row = await t.dataSource
      .getRepository(OutboxEventEntity)
      .findOneOrFail({ where: {}, order: { id: 'DESC' } });
    const delivery = t.app.get(OutboxDelivery);
    await delivery.deliver({ eventId: row.eventId, handlerName: 'probe.recordHappened' });
    await delivery.deliver({ eventId: row.eventId, handlerName: 'probe.recordHappened' });
    expect(recorder.handled.filter((note) => note === 'once')).toHaveLength(1);
  });
});
