import { takeRunning } from './state';
import { stopServer } from './server';

export default async function globalTeardown(): Promise<void> {
  const running = takeRunning();
  if (running) await stopServer(running.child, running.server);
}
