// Child processes for test.mjs: output streamed to the terminal, a time limit, and a clean kill of the
// whole process group (jest and vite spawn their own children) on timeout or Ctrl-C.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './workspaces.mjs';

const running = new Set();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child, 'SIGTERM');
    process.exit(130);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, timeoutMs?: number, cwd?: string }} [options]
 * @returns {Promise<{ code: number, timedOut: boolean, seconds: number }>}
 */
export function run(command, args, { env = process.env, timeoutMs = 20 * 60_000, cwd = REPO_ROOT } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit', detached: true });
    running.add(child);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[test] ${command} ${args.join(' ')} exceeded ${timeoutMs / 60_000} min; stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, timeoutMs);
    const done = (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, timedOut, seconds: (Date.now() - started) / 1000 });
    };
    child.on('error', (err) => {
      console.error(`[test] could not run ${command}: ${err.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}
