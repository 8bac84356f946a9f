// What every HTTP benchmark here needs: settings from the environment, a free port, the built server
// started in a temporary directory and stopped afterwards, JSON posts, medians and a printed table.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A positive integer from the environment, or `fallback`. */
export function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `serverMain` (the built server) on a free port with `env` on top of this process's environment
 * (`unset` names are removed first), in a temporary directory that holds its log; waits for /api/health.
 * `env` may be a function of that directory (for a SQLite file in it).
 */
export async function startServer({
  serverMain,
  env,
  unset = [],
  tmpPrefix = 'linli-bench-',
  keepLog = false,
  healthTimeoutMs = 120_000,
}) {
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const port = await freePort();
  const childEnv = { ...process.env };
  for (const name of unset) delete childEnv[name];
  Object.assign(childEnv, typeof env === 'function' ? env(tmpDir) : env, {
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  const logFile = path.join(tmpDir, 'server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [serverMain], {
    cwd: tmpDir,
    env: childEnv,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!keepLog) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early, see ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server not healthy after ${healthTimeoutMs / 1000}s`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { baseUrl, stop, logFile };
}

export async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${url} → HTTP ${res.status}: ${await res.text()}`);
  return res.json();
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints rows of strings as a table: the first row is the header, the first column left-aligned. */
export function printTable(table) {
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  console.log('');
  table.forEach((row, i) => {
    console.log(
      row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  console.log('');
}
