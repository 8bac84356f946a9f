import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { InProcessJobQueue } from './in-process-job-queue';

Logger.overrideLogger(false); // failures are expected here; keep the output readable

type Call = { name: string; data: unknown; at: number };

describe('InProcessJobQueue', () => {
  let queue: InProcessJobQueue;
  let calls: Call[];
  let failuresLeft: number;
  const started = Date.now();

  beforeEach(() => {
    jest.useFakeTimers();
    calls = [];
    failuresLeft = 0;
    queue = new InProcessJobQueue((name) => {
      if (name === 'unknown.job') throw new Error(`任务 "${name}" 没有 @JobHandler 处理器`);
    });
    queue.startConsuming(async (name, data) => {
      calls.push({ name, data, at: Date.now() - started });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('boom');
      }
    });
  });
  afterEach(async () => {
    await queue.close();
    jest.useRealTimers();
  });

  it('runs a job on the next tick with a copy of its data', async () => {
    const data = { eventId: 'e1', handlerName: 'h' };
    await queue.add('outbox.deliver', data);
    data.eventId = 'mutated';
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.data)).toEqual([{ eventId: 'e1', handlerName: 'h' }]);
  });

  it('honours delayMs', async () => {
    await queue.add('outbox.deliver', { eventId: 'e', handlerName: 'h' }, { delayMs: 1000 });
    await jest.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
  });

  it('retries with exponential backoff up to `attempts`, then counts a failure', async () => {
    failuresLeft = 10;
    await queue.add('outbox.deliver', { eventId: 'e', handlerName: 'h' }, { attempts: 3, backoffMs: 100 });
    await jest.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1); // 100 ms after the first failure
    expect(calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(199);
    expect(calls).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1); // 200 ms after the second
    expect(calls).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
    expect(await queue.stats()).toMatchObject({ adapter: 'in-process', status: 'up', waiting: 0, failed: 1 });
  });

  it('succeeds after transient failures and keeps running other jobs', async () => {
    failuresLeft = 1;
    await queue.add('outbox.deliver', { eventId: 'a', handlerName: 'h' }, { backoffMs: 10 });
    await queue.add('outbox.deliver', { eventId: 'b', handlerName: 'h' });
    await jest.advanceTimersByTimeAsync(50);
    const ids = calls.map((c) => (c.data as { eventId: string }).eventId);
    expect(ids.filter((id) => id === 'a')).toHaveLength(2);
    expect(ids.filter((id) => id === 'b')).toHaveLength(1);
    expect((await queue.stats()).failed).toBe(0);
  });

  it('de-duplicates by jobId while a job is pending', async () => {
    await queue.add('outbox.deliver', { eventId: 'e', handlerName: 'h' }, { jobId: 'same', delayMs: 10 });
    await queue.add('outbox.deliver', { eventId: 'e', handlerName: 'h' }, { jobId: 'same', delayMs: 10 });
    expect((await queue.stats()).waiting).toBe(1);
    await jest.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(1);
  });

  it('rejects a job name without handler at once', async () => {
    await expect(
      queue.add('unknown.job' as 'outbox.deliver', { eventId: 'e', handlerName: 'h' }),
    ).rejects.toThrow(/unknown\.job/);
  });

  it('holds jobs added before consumption starts', async () => {
    const idle = new InProcessJobQueue();
    const seen: string[] = [];
    await idle.add('outbox.deliver', { eventId: 'early', handlerName: 'h' });
    await jest.advanceTimersByTimeAsync(10);
    expect(seen).toHaveLength(0);
    idle.startConsuming(async (_name, data) => void seen.push((data as { eventId: string }).eventId));
    await jest.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['early']);
    await idle.close();
  });

  it('waits for running jobs on close and refuses new ones afterwards', async () => {
    let release!: () => void;
    const slow = new InProcessJobQueue();
    let finished = false;
    slow.startConsuming(
      () =>
        new Promise<void>((resolve) => {
          release = () => {
            finished = true;
            resolve();
          };
        }),
    );
    await slow.add('outbox.deliver', { eventId: 'e', handlerName: 'h' });
    await jest.advanceTimersByTimeAsync(0);
    const closing = slow.close();
    release();
    await closing;
    expect(finished).toBe(true);
    await expect(slow.add('outbox.deliver', { eventId: 'x', handlerName: 'h' })).rejects.toThrow(/关闭/);
  });

  it('runs every job outside the async context of whoever added it', async () => {
    // Real timers: fake ones fire from the test's own context and would hide a leak.
    jest.useRealTimers();
    // E.g. TransactionRunner's scope: a job added inside a transaction must not find it open.
    const callerScope = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const clean = new InProcessJobQueue();
    let retried!: () => void;
    const done = new Promise<void>((resolve) => (retried = resolve));
    clean.startConsuming(async () => {
      seen.push(callerScope.getStore());
      if (seen.length === 1) throw new Error('retry me');
      retried();
    });
    await callerScope.run('inside-transaction', () =>
      clean.add('outbox.deliver', { eventId: 'e', handlerName: 'h' }, { backoffMs: 1 }),
    );
    await done;
    expect(seen).toEqual([undefined, undefined]); // first try and its retry
    await clean.close();
  });
});
