// Starts the BUILT server (node server/dist/main.js) the way `npm start` would, but on a free port with a
// throw-away SQLite file, so browser tests never touch ./data or another developer's server.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface RunningServer {
  baseUrl: string;
  pid: number;
  tmpDir: string;
  logFile: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 60): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${tail(logFile)}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy after ${timeoutMs / 1000}s (${last}):\n${tail(logFile)}`);
}

export async function startServer(): Promise<{ server: RunningServer; child: ChildProcess }> {
  const entry = path.join(REPO_ROOT, 'server', 'dist', 'main.js');
  for (const built of [entry, 'admin-web/dist/index.html', 'miniapp/dist/h5/index.html']) {
    if (!fs.existsSync(path.resolve(REPO_ROOT, built))) {
      throw new Error(`${built} is missing: run \`node scripts/build.mjs\` before the browser tests`);
    }
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const logFile = path.join(tmpDir, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  Object.assign(env, {
    // jest sets NODE_ENV=test; the browser tests exercise the embedded demo exactly as `npm start` runs it.
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    SQLITE_PATH: path.join(tmpDir, 'linli.sqlite'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    DEV_LOGIN: 'true',
    SEED_DEMO: 'true',
    // Every browser test logs in from 127.0.0.1; the production default (10/min) would throttle the suite.
    LOGIN_RATE_LIMIT_PER_MINUTE: '300',
    // The whole suite shares one server and one IP: the per-IP API limit (600/min) would answer 429 to a
    // busy stretch of pages and make tests fail at random. Rate limits have their own server e2e spec.
    RATE_LIMIT_PER_MINUTE: '100000',
    STATIC_ROOT: REPO_ROOT,
    // Community invite links and QR codes point here (the server listens on 127.0.0.1 only).
    PUBLIC_BASE_URL: baseUrl,
    LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'info',
  });
  delete env.ADMIN_INITIAL_PASSWORD;
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [entry], { cwd: tmpDir, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  await waitForHealth(baseUrl, child, logFile, 90_000);
  return { server: { baseUrl, pid: child.pid ?? 0, tmpDir, logFile }, child };
}

export async function stopServer(child: ChildProcess, server: RunningServer): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (process.env.KEEP_E2E_TMP) console.log(`[e2e] server files kept in ${server.tmpDir}`);
  else fs.rmSync(server.tmpDir, { recursive: true, force: true });
}
