// Incremental build of the workspaces: rebuild a target when its output is missing or older than any of
// its sources (or than the output of a target it depends on, so a shared-types change rebuilds dependents).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { IGNORED_DIRS, REPO_ROOT, TARGETS } from './workspaces.mjs';

const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Newest modification time (ms) under `p`, or 0 when it does not exist. */
export function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows up as a newer directory mtime
  for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
    if (entry.isDirectory() && IGNORED_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

/** Oldest modification time of the target's outputs, or 0 when one is missing. */
export function outputMtime(target) {
  let oldest = Infinity;
  for (const out of target.outputs) {
    try {
      oldest = Math.min(oldest, fs.statSync(path.join(REPO_ROOT, target.dir, out)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return oldest;
}

export function isBuilt(target) {
  return outputMtime(target) > 0;
}

/** Why the target must be rebuilt, or null when its output is up to date. */
export function staleReason(target) {
  const built = outputMtime(target);
  if (!built) return 'not built yet';
  for (const src of target.sources) {
    if (newestMtime(path.join(REPO_ROOT, target.dir, src)) > built) return `${src} changed`;
  }
  // Compare with the dependency's sources, not its output: the server's prebuild re-emits shared-types on
  // every server build, and that alone must not rebuild both front ends.
  for (const depName of target.dependsOn) {
    const dep = TARGETS.find((t) => t.name === depName);
    if (!dep) continue;
    const changed = dep.sources.find((src) => newestMtime(path.join(REPO_ROOT, dep.dir, src)) > built);
    if (changed) return `${depName}/${changed} changed`;
  }
  return null;
}

/** Runs `npm run <script> -w <workspace>`; resolves with its exit code and captured output. */
function runBuild(target, { verbose }) {
  return new Promise((resolve) => {
    const child = spawn(npmCommand, ['run', target.script, '-w', target.workspace], {
      cwd: REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    const collect = (stream, sink) =>
      stream.on('data', (buf) => {
        chunks.push(buf);
        if (verbose) sink.write(buf);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    child.on('error', (err) => resolve({ code: 1, output: String(err) }));
    child.on('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

function selectTargets({ all, only }) {
  if (only && only.length) {
    const unknown = only.filter((n) => !TARGETS.some((t) => t.name === n));
    if (unknown.length) {
      throw new Error(
        `unknown build target(s): ${unknown.join(', ')} (known: ${TARGETS.map((t) => t.name).join(', ')})`,
      );
    }
    // Dependencies first, so `build server` on a fresh clone also builds shared-types.
    const wanted = new Set(only);
    for (const t of [...TARGETS].reverse()) if (wanted.has(t.name)) t.dependsOn.forEach((d) => wanted.add(d));
    return TARGETS.filter((t) => wanted.has(t.name));
  }
  return TARGETS.filter((t) => all || !t.optional);
}

/**
 * Builds the selected targets in order. Stops at the first failure.
 * @param {{ force?: boolean, all?: boolean, only?: string[], verbose?: boolean, log?: (line: string) => void }} options
 * @returns {Promise<{ ok: boolean, built: string[], skipped: string[], failed?: string }>}
 */
export async function buildTargets({
  force = false,
  all = false,
  only = [],
  verbose = false,
  log = console.log,
} = {}) {
  const targets = selectTargets({ all, only });
  const built = [];
  const skipped = [];
  const started = Date.now();
  for (const [i, target] of targets.entries()) {
    const step = `[build ${i + 1}/${targets.length}] ${target.name.padEnd(13)}`;
    const reason = force ? 'forced' : staleReason(target);
    if (!reason) {
      log(`${step} up to date, skipped`);
      skipped.push(target.name);
      continue;
    }
    log(`${step} building (${reason}): npm run ${target.script} -w ${target.workspace}`);
    const t0 = Date.now();
    const { code, output } = await runBuild(target, { verbose });
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    if (code !== 0 || !isBuilt(target)) {
      if (!verbose) {
        const tail = output.trimEnd().split('\n').slice(-80).join('\n');
        log(tail);
      }
      const why = code !== 0 ? `exit code ${code}` : `no ${target.outputs.join(', ')} after the build`;
      log(`${step} FAILED after ${seconds}s (${why})`);
      return { ok: false, built, skipped, failed: target.name };
    }
    // Some tools leave unchanged files alone; the stamp makes "newer than every source" hold.
    const now = new Date();
    for (const out of target.outputs) fs.utimesSync(path.join(REPO_ROOT, target.dir, out), now, now);
    log(`${step} done in ${seconds}s`);
    built.push(target.name);
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  log(`[build] ${built.length} built, ${skipped.length} up to date, ${total}s`);
  return { ok: true, built, skipped };
}
