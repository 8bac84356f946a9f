export { SeedModule } from './seed.module';
export { DemoSeedService, DEMO_ADMIN_USERNAME, type SeedResult } from './demo-seed';
export { DemoOrdersSeed } from './demo-orders-seed';
export { FirstAdminService } from './first-admin.service';
export { runStartupSeed, type StartupSeedResult } from './startup-seed';
