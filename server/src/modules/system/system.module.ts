import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { AdminEventDeliveriesController } from './api/admin-event-deliveries.controller';
import { EventDeliveriesService } from './event-deliveries.service';

/** Operator tools for the running system: failed event deliveries and their retry. */
@Module({
  imports: [AuditModule],
  controllers: [AdminEventDeliveriesController],
  providers: [EventDeliveriesService],
})
export class SystemModule {}
