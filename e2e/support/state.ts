// Global setup and teardown run in the same parent process; this hands the server from one to the other.
import type { ChildProcess } from 'node:child_process';
import type { RunningServer } from './server';

interface Running {
  server: RunningServer;
  child: ChildProcess;
}

const KEY = Symbol.for('linli.e2e.server');
type Holder = typeof globalThis & { [KEY]?: Running };

export function setRunning(server: RunningServer, child: ChildProcess): void {
  (globalThis as Holder)[KEY] = { server, child };
}

export function takeRunning(): Running | undefined {
  const holder = globalThis as Holder;
  const running = holder[KEY];
  delete holder[KEY];
  return running;
}
