// What each build target is made of: where its sources live, which file proves it was built, how to build it.
// build.mjs, start.mjs and test.mjs all read this one table so they agree on "built" and "up to date".
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * @typedef {object} BuildTarget
 * @property {string} name        short name used on the command line and in progress lines
 * @property {string} workspace   npm workspace package name
 * @property {string} dir         workspace folder, relative to the repo root
 * @property {string[]} sources   files/folders (relative to `dir`) whose changes make the output stale
 * @property {string[]} outputs   files (relative to `dir`) that exist only after a successful build
 * @property {string} script      npm script that builds it
 * @property {string[]} dependsOn targets whose output this one compiles against
 * @property {boolean} [optional] built only with --all (or when named)
 */

/** @type {BuildTarget[]} in build order */
export const TARGETS = [
  {
    name: 'shared-types',
    workspace: '@linli/shared-types',
    dir: 'shared-types',
    sources: ['src', 'package.json', 'tsconfig.esm.json', 'tsconfig.cjs.json', '../tsconfig.base.json'],
    outputs: ['dist/esm/index.js', 'dist/cjs/index.js'],
    script: 'build',
    dependsOn: [],
  },
  {
    name: 'server',
    workspace: '@linli/server',
    dir: 'server',
    sources: [
      'src',
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'nest-cli.json',
      '../tsconfig.base.json',
    ],
    outputs: ['dist/main.js'],
    script: 'build',
    dependsOn: ['shared-types'],
  },
  {
    name: 'admin-web',
    workspace: '@linli/admin-web',
    dir: 'admin-web',
    sources: [
      'src',
      'public',
      'index.html',
      'package.json',
      'vite.config.ts',
      'tsconfig.json',
      'tsconfig.app.json',
    ],
    outputs: ['dist/index.html'],
    script: 'build',
    dependsOn: ['shared-types'],
  },
  {
    name: 'miniapp-h5',
    workspace: '@linli/miniapp',
    dir: 'miniapp',
    sources: ['src', 'config', 'package.json', 'babel.config.js', 'tsconfig.json', 'project.config.json'],
    outputs: ['dist/h5/index.html'],
    script: 'build:h5',
    dependsOn: ['shared-types'],
  },
  {
    name: 'miniapp-weapp',
    workspace: '@linli/miniapp',
    dir: 'miniapp',
    sources: ['src', 'config', 'package.json', 'babel.config.js', 'tsconfig.json', 'project.config.json'],
    outputs: ['dist/weapp/app.js', 'dist/weapp/app.json'],
    script: 'build:weapp',
    dependsOn: ['shared-types'],
    optional: true,
  },
];

/** Folders never scanned for source changes. */
export const IGNORED_DIRS = new Set(['node_modules', 'dist', '.swc', 'coverage', '.turbo', '.cache']);
