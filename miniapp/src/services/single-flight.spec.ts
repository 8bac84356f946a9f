import { singleFlight } from './single-flight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('singleFlight', () => {
  it('shares one run between concurrent callers', async () => {
    const gate = deferred<string>();
    const task = jest.fn(() => gate.promise);
    const run = singleFlight(task);

    const first = run();
    const second = run();
    gate.resolve('token');

    await expect(Promise.all([first, second])).resolves.toEqual(['token', 'token']);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('starts a fresh run once the previous one settled', async () => {
    let calls = 0;
    const run = singleFlight(async () => ++calls);
    await expect(run()).resolves.toBe(1);
    await expect(run()).resolves.toBe(2);
  });

  it('shares a failure and recovers on the next call', async () => {
    const gate = deferred<number>();
    const task = jest.fn(() => gate.promise);
    const run = singleFlight(task);

    const first = run();
    const second = run();
    gate.reject(new Error('boom'));
    await expect(first).rejects.toThrow('boom');
    await expect(second).rejects.toThrow('boom');

    task.mockImplementation(() => Promise.resolve(7));
    await expect(run()).resolves.toBe(7);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
