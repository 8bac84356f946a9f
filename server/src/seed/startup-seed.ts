import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '../platform';
import { DemoOrdersSeed } from './demo-orders-seed';
import { DemoSeedService } from './demo-seed';
import { FirstAdminService } from './first-admin.service';

/** What start-up wrote, so the banner can tell the person starting the server how to log in. */
export type StartupSeedResult = 'demo-seeded' | 'admin-created' | 'nothing';

/**
 * Runs once per HTTP process start: the demo data when SEED_DEMO (embedded default), otherwise only the
 * first admin account on an empty database. Both are no-ops on a database that already has staff.
 */
export async function runStartupSeed(
  app: INestApplicationContext,
  config: AppConfig,
): Promise<StartupSeedResult> {
  if (config.seedDemo) {
    const result = await app.get(DemoSeedService).seedIfEmpty();
    // Orders go through the real checkout, payment and pickup services, after the demo data committed.
    if (result.seeded) await app.get(DemoOrdersSeed).seed();
    return result.seeded ? 'demo-seeded' : 'nothing';
  }
  return (await app.get(FirstAdminService).ensureFirstAdmin()) ? 'admin-created' : 'nothing';
}
