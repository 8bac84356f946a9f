import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { InventoryModule } from '../inventory';
import { LeadersModule } from '../leaders';
import { MembersModule } from '../members';
import { OrdersModule } from '../orders';
import { PaymentsModule } from '../payments';
import { AfterSalesService } from './aftersales.service';
import { AdminAfterSalesController } from './api/admin-aftersales.controller';
import { AppAfterSalesController } from './api/app-aftersales.controller';
import { AppLeaderAfterSalesController } from './api/app-leader-aftersales.controller';
import { AfterSalesClock } from './jobs/aftersales-clock';
import {
  AfterSalesCaseEntity,
  AfterSalesEventEntity,
  AfterSalesLineEntity,
  AfterSalesSettingsEntity,
} from './persistence/aftersales.entities';

/** After-sales (售后): cases, review, refunds through the orders context, returns into stock. See docs/aftersales.md. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AfterSalesCaseEntity,
      AfterSalesLineEntity,
      AfterSalesEventEntity,
      AfterSalesSettingsEntity,
    ]),
    AuditModule,
    IdentityModule,
    InventoryModule,
    LeadersModule,
    MembersModule,
    OrdersModule,
    PaymentsModule,
  ],
  controllers: [AppAfterSalesController, AppLeaderAfterSalesController, AdminAfterSalesController],
  providers: [AfterSalesService, AfterSalesClock],
  exports: [AfterSalesService],
})
export class AfterSalesModule {}
