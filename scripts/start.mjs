#!/usr/bin/env node
// `npm start`: build what is missing or stale, then run the server from the repo root.
//
//   node scripts/start.mjs            API + admin web (/admin) + H5 (/h5) + in-process workers
//   node scripts/start.mjs --worker   queue worker only (PROCESS_ROLE=worker), for DATABASE_URL + REDIS_URL setups
//   node scripts/start.mjs --no-build skip the build check
//
// Without DATABASE_URL it runs the embedded demo: SQLite at ./data/linli.sqlite, dev login on, demo data
// seeded on first start. Every default below yields to a variable already set in the environment.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTargets } from './lib/build.mjs';
import { REPO_ROOT } from './lib/workspaces.mjs';

const args = new Set(process.argv.slice(2));
const isWorker = args.has('--worker');
const skipBuild = args.has('--no-build');
const env = { ...process.env };
const embedded = !env.DATABASE_URL;
const log = (line) => console.log(`[start] ${line}`);

env.PORT ??= '3000';
if (isWorker) env.PROCESS_ROLE = 'worker';
if (embedded) {
  env.SQLITE_PATH ??= './data/linli.sqlite';
  if (env.NODE_ENV !== 'production') env.DEV_LOGIN ??= 'true';
  env.SEED_DEMO ??= 'true';
  if (env.SQLITE_PATH !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(REPO_ROOT, env.SQLITE_PATH)), { recursive: true });
}
if (isWorker && !env.REDIS_URL) {
  // The in-process queue lives inside the API process; a separate worker can only share work through Redis.
  log(
    'a separate worker needs REDIS_URL (and DATABASE_URL); without them `npm start` already runs the jobs.',
  );
  process.exit(2);
}

if (!skipBuild) {
  // The worker needs only the server; the API also serves both front ends.
  const only = isWorker ? ['server'] : [];
  const result = await buildTargets({ only });
  if (!result.ok) {
    log(
      `build of ${result.failed} failed; fix it or run \`node scripts/build.mjs --verbose\` for the full output.`,
    );
    process.exit(1);
  }
}

const mode = embedded ? `embedded (SQLite ${env.SQLITE_PATH})` : `services (${redactUrl(env.DATABASE_URL)})`;
const queue = env.REDIS_URL ? `Bull on ${redactUrl(env.REDIS_URL)}` : 'in-process queue';
log(`starting ${isWorker ? 'worker' : 'server'}: ${mode}, ${queue}`);

// The server gets its own process group, so a Ctrl-C in the terminal reaches it once, through us: it
// treats a second SIGINT during its graceful shutdown as "stop now".
const child = spawn(process.execPath, ['server/dist/main.js', ...(isWorker ? ['--worker'] : [])], {
  cwd: REPO_ROOT,
  env,
  stdio: 'inherit',
  detached: true,
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (err) => {
  log(`could not start the server: ${err.message}`);
  process.exit(1);
});

child.on('exit', (code, signal) => {
  if (signal) process.exit(128 + (os.constants.signals[signal] ?? 1));
  process.exit(code ?? 1);
});

function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
