import type { INestApplicationContext, Type } from '@nestjs/common';

interface DemoSeed {
  /** Seeds demo data when the database has no staff. Truthy (or `{ seeded: true }`) when it seeded. */
  seedIfEmpty(): Promise<unknown>;
}

/**
 * Runs the business modules' demo seed (server/src/seed, owned by the modules) if it exists.
 * Loaded by path so the platform does not depend on it at compile time.
 */
export async function runDemoSeed(app: INestApplicationContext): Promise<'seeded' | 'skipped' | 'absent'> {
  const seedPath = '../../seed/demo-seed';
  let seedModule: { DemoSeedService?: Type<DemoSeed> };
  try {
    seedModule = (await import(seedPath)) as { DemoSeedService?: Type<DemoSeed> };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return 'absent';
    throw error;
  }
  if (!seedModule.DemoSeedService) return 'absent';
  let service: DemoSeed;
  try {
    service = app.get(seedModule.DemoSeedService, { strict: false });
  } catch {
    return 'absent'; // not registered in any module
  }
  const result = await service.seedIfEmpty();
  const seeded =
    typeof result === 'object' && result !== null
      ? Boolean((result as { seeded?: unknown }).seeded)
      : Boolean(result);
  return seeded ? 'seeded' : 'skipped';
}
