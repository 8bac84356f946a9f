import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobHandler, TransactionRunner } from '../../src/platform';
import { createTestApp, type TestApp } from '../support/test-app';

declare module '../../src/platform' {
  interface JobPayloads {
    'queue-tx.observe': { tag: string };
  }
}

interface Observation {
  manager: EntityManager;
  inTransaction: boolean;
  committed: boolean;
}

/** Starts a transaction of its own from inside a job and reports what it got. */
@Injectable()
class ObservingJob {
  private signalStarted!: () => void;
  readonly started = new Promise<void>((resolve) => (this.signalStarted = resolve));
  private signalDone!: (observation: Observation) => void;
  readonly done = new Promise<Observation>((resolve) => (this.signalDone = resolve));

  constructor(private readonly transactions: TransactionRunner) {}

  @JobHandler('queue-tx.observe')
  async run(): Promise<void> {
    this.signalStarted();
    let observation!: Observation;
    await this.transactions.run(async (manager) => {
      observation = {
        manager,
        inTransaction: manager.queryRunner?.isTransactionActive ?? false,
        committed: false,
      };
      this.transactions.afterCommit(manager, () => (observation.committed = true));
    });
    this.signalDone(observation);
  }
}

@Module({ providers: [ObservingJob] })
class ObservingModule {}

describe('a job queued inside a transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ modules: [ObservingModule] });
  });
  afterAll(() => t.close());

  it('runs in a transaction of its own, even while the caller’s is still open', async () => {
    const job = t.app.get(ObservingJob);
    const transactions = t.app.get(TransactionRunner);
    let outer!: EntityManager;
    await transactions.run(async (manager) => {
      outer = manager;
      await t.queue.add('queue-tx.observe', { tag: 'inside' });
      await job.started; // the caller's transaction is open while the job begins its own
    });
    const observation = await job.done;
    expect(observation.manager).not.toBe(outer);
    expect(observation.inTransaction).toBe(true);
    expect(observation.committed).toBe(true);
  });
});
