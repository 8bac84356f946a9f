// Facts of the embedded demo seed (server/src/seed) the browser tests rely on.
import path from 'node:path';
import { REPO_ROOT } from './server';

export const DEMO_ADMIN = { username: 'admin', password: 'linli2026' } as const;

/** A seeded buyer bound to a leader with a pickup point; the H5 app becomes them through `?openid=`. */
export const DEMO_BUYER_OPENID = process.env.E2E_DEMO_OPENID ?? 'demo-buyer';

/** The path of one of the demo product photos (server/assets/demo), e.g. to upload it. */
export function demoImagePath(file: string): string {
  return path.join(REPO_ROOT, 'server', 'assets', 'demo', file);
}
