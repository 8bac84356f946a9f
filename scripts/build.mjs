#!/usr/bin/env node
// Builds the workspaces in dependency order: shared-types → server → admin-web → miniapp h5 (→ weapp).
//
//   node scripts/build.mjs [--force | --if-needed] [--all] [--verbose] [target ...]
//
//   --if-needed  (default) skip a target whose output is newer than all its sources
//   --force      rebuild every selected target
//   --all        also build the WeChat mini-program (miniapp-weapp)
//   --verbose    stream the build tools' output (otherwise shown only on failure)
//   target       any of: shared-types, server, admin-web, miniapp-h5, miniapp-weapp (dependencies included)
import { buildTargets } from './lib/build.mjs';
import { TARGETS } from './lib/workspaces.mjs';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const only = args.filter((a) => !a.startsWith('--'));
const known = new Set(['--force', '--if-needed', '--all', '--verbose', '--help']);
const unknown = [...flags].filter((f) => !known.has(f));

if (flags.has('--help') || unknown.length) {
  if (unknown.length) console.error(`unknown option(s): ${unknown.join(' ')}`);
  console.log(
    'usage: node scripts/build.mjs [--force | --if-needed] [--all] [--verbose] [target ...]\n' +
      `targets: ${TARGETS.map((t) => t.name).join(', ')}`,
  );
  process.exit(unknown.length ? 2 : 0);
}
if (flags.has('--force') && flags.has('--if-needed')) {
  console.error('--force and --if-needed exclude each other');
  process.exit(2);
}

try {
  const result = await buildTargets({
    force: flags.has('--force'),
    all: flags.has('--all'),
    verbose: flags.has('--verbose'),
    only,
  });
  process.exit(result.ok ? 0 : 1);
} catch (err) {
  console.error(`[build] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
