import { Logger } from '@nestjs/common';
import { BullJobQueue } from '../../src/platform/queue/bull-job-queue';

/** Settles with the outcome of `promise`, or 'still pending' after `ms` (so a hang fails, not times out). */
function outcomeWithin(promise: Promise<unknown>, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(
      () => 'resolved',
      (error: Error) => `rejected: ${error.message}`,
    ),
    new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('still pending'), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

describe('BullJobQueue when Redis is unreachable', () => {
  // Port 1: nothing listens, every connection attempt is refused and Bull keeps reconnecting.
  let queue: BullJobQueue;
  let quiet: jest.SpyInstance;
  beforeAll(() => {
    // Every refused reconnect is logged as a queue error; keep the test output readable.
    quiet = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    queue = new BullJobQueue('redis://127.0.0.1:1', `linli-test-${process.pid}-down`, undefined, 500);
  });
  // Closing stops Bull's reconnect loop, which would otherwise keep jest alive.
  afterAll(async () => {
    await queue.close();
    quiet.mockRestore();
  });

  it('rejects add() with a clear error instead of waiting for Redis forever', async () => {
    const started = Date.now();
    const outcome = await outcomeWithin(
      queue.add('outbox.deliver', { eventId: 'e1', handlerName: 'h' }),
      8000,
    );
    expect(outcome).toMatch(/^rejected: 任务 "outbox.deliver" 入队(超时|失败)/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('fails at once while Redis is known to be down', async () => {
    const started = Date.now();
    const outcome = await outcomeWithin(
      queue.add('outbox.deliver', { eventId: 'e2', handlerName: 'h' }, { jobId: 'outbox:e2:h' }),
      8000,
    );
    expect(outcome).toMatch(/^rejected: 任务 "outbox.deliver" 入队(失败: Redis 不可用|超时)/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports the queue as down in stats without waiting for Redis', async () => {
    const started = Date.now();
    await expect(queue.stats()).resolves.toMatchObject({ adapter: 'bull', status: 'down' });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
