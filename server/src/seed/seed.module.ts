import { Module } from '@nestjs/common';
import { AuditModule } from '../modules/audit';
import { CampaignsModule } from '../modules/campaigns';
import { CatalogModule } from '../modules/catalog';
import { IdentityModule } from '../modules/identity';
import { LeadersModule } from '../modules/leaders';
import { MembersModule } from '../modules/members';
import { DemoSeedService } from './demo-seed';
import { FirstAdminService } from './first-admin.service';

@Module({
  imports: [AuditModule, IdentityModule, MembersModule, LeadersModule, CatalogModule, CampaignsModule],
  providers: [DemoSeedService, FirstAdminService],
  exports: [DemoSeedService, FirstAdminService],
})
export class SeedModule {}
