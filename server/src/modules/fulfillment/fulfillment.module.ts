import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { CatalogModule } from '../catalog';
import { IdentityModule } from '../identity';
import { InventoryModule } from '../inventory';
import { LeadersModule } from '../leaders';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { AdminFulfillmentController } from './api/admin-fulfillment.controller';
import { FulfillmentReads } from './fulfillment-reads';
import { FulfillmentClock } from './jobs/fulfillment-clock';
import {
  DeliveryRouteEntity,
  DeliveryRouteStopEntity,
  FulfillmentWaveEntity,
  PurchaseListEntity,
  PurchaseListLineEntity,
  RouteShipmentEntity,
} from './persistence/fulfillment.entities';
import { PickingService } from './picking.service';
import { PurchasingService } from './purchasing.service';
import { RoutesService } from './routes.service';
import { WavesService } from './waves.service';

/** Fulfillment: cut-off waves, demand, purchase lists, pick lists, delivery routes and sheets. See docs/fulfillment.md. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      FulfillmentWaveEntity,
      PurchaseListEntity,
      PurchaseListLineEntity,
      DeliveryRouteEntity,
      DeliveryRouteStopEntity,
      RouteShipmentEntity,
    ]),
    AuditModule,
    IdentityModule,
    CampaignsModule,
    CatalogModule,
    InventoryModule,
    LeadersModule,
    MembersModule,
    OrdersModule,
  ],
  controllers: [AdminFulfillmentController],
  providers: [
    FulfillmentReads,
    FulfillmentClock,
    PickingService,
    PurchasingService,
    RoutesService,
    WavesService,
  ],
  exports: [WavesService],
})
export class FulfillmentModule {}
