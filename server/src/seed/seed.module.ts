import { Module } from '@nestjs/common';
import { AuditModule } from '../modules/audit';
import { CampaignsModule } from '../modules/campaigns';
import { CatalogModule } from '../modules/catalog';
import { IdentityModule } from '../modules/identity';
import { LeadersModule } from '../modules/leaders';
import { MembersModule } from '../modules/members';
import { OrdersModule } from '../modules/orders';
import { PaymentsModule } from '../modules/payments';
import { DemoOrdersSeed } from './demo-orders-seed';
import { DemoSeedService } from './demo-seed';
import { FirstAdminService } from './first-admin.service';

@Module({
  imports: [
    AuditModule,
    IdentityModule,
    MembersModule,
    LeadersModule,
    CatalogModule,
    CampaignsModule,
    PaymentsModule,
    OrdersModule,
  ],
  providers: [DemoSeedService, DemoOrdersSeed, FirstAdminService],
  exports: [DemoSeedService, DemoOrdersSeed, FirstAdminService],
})
export class SeedModule {}
