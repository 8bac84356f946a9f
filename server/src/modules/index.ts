import type { DynamicModule, Type } from '@nestjs/common';
import { SeedModule } from '../seed/seed.module';
import { AfterSalesModule } from './aftersales';
import { AuditModule } from './audit';
import { CampaignsModule } from './campaigns';
import { CatalogModule } from './catalog';
import { CommissionModule } from './commission';
import { FulfillmentModule } from './fulfillment';
import { IdentityModule } from './identity';
import { InventoryModule } from './inventory';
import { LeadersModule } from './leaders';
import { MembersModule } from './members';
import { OrdersModule } from './orders';
import { PaymentsModule } from './payments';
import { SystemModule } from './system';
import { UploadsModule } from './uploads';

/** Business modules (owned by server-modules), imported by the root AppModule. */
export const BUSINESS_MODULES: Array<Type<unknown> | DynamicModule> = [
  AuditModule,
  IdentityModule,
  LeadersModule,
  MembersModule,
  InventoryModule,
  CatalogModule,
  CampaignsModule,
  PaymentsModule,
  OrdersModule,
  CommissionModule,
  FulfillmentModule,
  AfterSalesModule,
  SystemModule,
  UploadsModule,
  SeedModule,
];
