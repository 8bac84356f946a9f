import { startServer } from './server';
import { setRunning } from './state';

export default async function globalSetup(): Promise<void> {
  const { server, child } = await startServer();
  setRunning(server, child);
  // Test files run after this in the same (runInBand) process or in workers forked later: both see it.
  process.env.LINLI_E2E_BASE_URL = server.baseUrl;
  process.env.LINLI_E2E_SERVER_LOG = server.logFile;
  console.log(`\n[e2e] server ${server.baseUrl} (pid ${server.pid}, log ${server.logFile})`);
}
