import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { IdentityModule } from '../identity';
import { InventoryModule } from '../inventory';
import { LeadersModule } from '../leaders';
import { MembersModule } from '../members';
import { PaymentsModule } from '../payments';
import { AdminOrdersController } from './api/admin-orders.controller';
import { AppLeaderPickupsController } from './api/app-leader-pickups.controller';
import { AppOrdersController } from './api/app-orders.controller';
import { AppPaymentSimulatorController } from './api/app-payment-simulator.controller';
import { CampaignSnapshots } from './campaign-snapshots';
import { CheckoutService } from './checkout.service';
import { FlashSaleGuard } from './flash-sale-guard';
import { OrderDeadlineClock } from './jobs/order-deadline.clock';
import { PickupReadyNotifier } from './jobs/pickup-ready-notifier';
import { OrderFulfillmentService } from './order-fulfillment.service';
import { OrderHoldings } from './order-holdings';
import { OrderLifecycleService } from './order-lifecycle.service';
import { OrderPaymentService } from './order-payment.service';
import { OrderQueries } from './order-queries.service';
import { OrderRefundsService } from './order-refunds.service';
import { OrderTimeline } from './order-timeline';
import { OrderWriter } from './order-writer';
import { OrderEventEntity } from './persistence/order-event.entity';
import { OrderItemQuotaEntity } from './persistence/order-item-quota.entity';
import { OrderLineEntity } from './persistence/order-line.entity';
import { OrderEntity } from './persistence/order.entity';
import { PickupService } from './pickup.service';

/** Orders: checkout, payment of orders, their life (close, cancel, refund), self-pickup and the order centre. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderLineEntity, OrderEventEntity, OrderItemQuotaEntity]),
    AuditModule,
    IdentityModule,
    MembersModule,
    LeadersModule,
    CampaignsModule,
    InventoryModule,
    PaymentsModule,
  ],
  controllers: [
    AppOrdersController,
    AppPaymentSimulatorController,
    AppLeaderPickupsController,
    AdminOrdersController,
  ],
  providers: [
    CampaignSnapshots,
    CheckoutService,
    FlashSaleGuard,
    OrderDeadlineClock,
    OrderFulfillmentService,
    OrderHoldings,
    OrderLifecycleService,
    OrderPaymentService,
    OrderQueries,
    OrderRefundsService,
    OrderTimeline,
    OrderWriter,
    PickupReadyNotifier,
    PickupService,
  ],
  exports: [
    OrderQueries,
    CheckoutService,
    OrderPaymentService,
    OrderLifecycleService,
    OrderFulfillmentService,
    PickupService,
    OrderRefundsService,
  ],
})
export class OrdersModule {}
