// Shared by seed.mjs and run.mjs: the scale, the database, and building the server the way the brief
// of the slice does (tsc emits even while some other area does not typecheck).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { staleReason } from '../../scripts/lib/build.mjs';
import { REPO_ROOT, TARGETS } from '../../scripts/lib/workspaces.mjs';
import { positiveInt } from '../lib/bench-kit.mjs';

export { REPO_ROOT };

export const SCALE = {
  members: positiveInt('BENCH_MEMBERS', 1_000_000),
  leaders: positiveInt('BENCH_LEADERS', 5_000),
  communitiesPerLeader: 4,
};

export const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/linli_bench';

/** mysql2 and typeorm as the server resolves them. */
export const serverRequire = createRequire(path.join(REPO_ROOT, 'server/package.json'));

/**
 * Builds shared-types and the server when their sources are newer than their output. Shared outputs are
 * built under the same lock the browser tests use, so two sessions never build into each other.
 */
export function ensureBuilt(log) {
  for (const name of ['shared-types', 'server']) {
    const target = TARGETS.find((t) => t.name === name);
    const reason = target && staleReason(target);
    if (!reason) continue;
    log(`building ${name} (${reason})`);
    const command =
      name === 'server' ? 'npx tsc -p server/tsconfig.build.json' : 'npm run build -w shared-types';
    // Type errors elsewhere do not stop tsc from emitting; the exit code is not the verdict here. When
    // someone else holds the lock for long (browser tests), go on with the build that is there.
    const locked = spawnSync(
      'flock',
      ['-w', '20', '/tmp/linli-browser.lock', 'bash', '-c', `${command} >/dev/null 2>&1 || true`],
      { cwd: REPO_ROOT, stdio: 'inherit' },
    );
    if (locked.status !== 0) log(`build lock busy: using the existing ${name} build`);
  }
}
