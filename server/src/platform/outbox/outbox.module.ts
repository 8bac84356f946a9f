import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxHandlerRegistry } from './outbox-handler-registry';
import { DEFAULT_OUTBOX_RELAY_OPTIONS, OUTBOX_RELAY_OPTIONS, OutboxRelay } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';
import { OutboxService } from './outbox.service';
import { ProcessedEventEntity } from './processed-event.entity';

@Global()
@Module({
  imports: [DiscoveryModule, TypeOrmModule.forFeature([OutboxEventEntity, ProcessedEventEntity])],
  providers: [
    OutboxSignal,
    OutboxService,
    OutboxHandlerRegistry,
    OutboxDelivery,
    OutboxRelay,
    { provide: OUTBOX_RELAY_OPTIONS, useValue: DEFAULT_OUTBOX_RELAY_OPTIONS },
  ],
  exports: [OutboxService, OutboxRelay],
})
export class OutboxModule {}
