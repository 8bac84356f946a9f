import { OutboxService, TransactionRunner } from '../../src/platform';
import { OutboxHandlerRegistry } from '../../src/platform/outbox/outbox-handler-registry';
import { DEFAULT_OUTBOX_OPTIONS } from '../../src/platform/outbox/outbox-options';
import { OutboxRelay } from '../../src/platform/outbox/outbox-relay';
import { OutboxSignal } from '../../src/platform/outbox/outbox-signal';
import { JobQueue } from '../../src/platform/queue/job-queue';
import { createTestApp, type TestApp } from '../support/test-app';
import { ProbeModule, ProbeRecorder } from './support/probe.module';

/**
 * Two relays over the same outbox table. On MySQL (+ Bull) they are two full app instances, like two
 * API processes. Embedded SQLite is single-process by design (separate processes need Redis), so
 * there the second relay is another instance inside the same app sharing its connection.
 */
describe('outbox relay on two instances', () => {
  const services = Boolean(process.env.DATABASE_URL);
  let a: TestApp;
  let b: TestApp | null = null;
  let relays: OutboxRelay[];

  beforeAll(async () => {
    a = await createTestApp({ modules: [ProbeModule] });
    if (services) {
      b = await createTestApp({ modules: [ProbeModule], shareWith: a });
      relays = [a.app.get(OutboxRelay), b.app.get(OutboxRelay)];
    } else {
      const second = new OutboxRelay(
        a.dataSource,
        a.app.get(TransactionRunner),
        a.app.get(OutboxHandlerRegistry),
        a.app.get(JobQueue),
        new OutboxSignal(),
        { ...DEFAULT_OUTBOX_OPTIONS, pollIntervalMs: 0 },
      );
      relays = [a.app.get(OutboxRelay), second];
    }
  });
  afterAll(async () => {
    await b?.close();
    await a.close();
  });

  it('claims each event once and delivers it once', async () => {
    const apps = b ? [a, b] : [a];
    const adds = apps.map((t) => jest.spyOn(t.queue, 'add'));
    const notes = Array.from({ length: 40 }, (_, i) => `multi-${i}`);
    const transactions = a.app.get(TransactionRunner);
    const outbox = a.app.get(OutboxService);
    for (const note of notes) {
      await transactions.run((manager) =>
        outbox.publish(manager, { type: 'probe.happened', payload: { note } }),
      );
    }
    // Both relays race over the same rows, two passes each (plus the automatic nudges).
    await Promise.all([...relays, ...relays].map((relay) => relay.relayPending()));

    const handled = (): string[] =>
      apps.flatMap((t) => t.app.get(ProbeRecorder).handled).filter((note) => note.startsWith('multi-'));
    const deadline = Date.now() + 15_000;
    while (handled().length < notes.length && Date.now() < deadline) await sleep(50);
    await sleep(300); // room for a duplicate to show up

    expect([...handled()].sort()).toEqual([...notes].sort());
    const deliveries = adds.flatMap((spy) => spy.mock.calls).filter(([name]) => name === 'outbox.deliver');
    expect(deliveries).toHaveLength(notes.length);
    expect(await relays[0]!.pendingCount()).toBe(0);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
