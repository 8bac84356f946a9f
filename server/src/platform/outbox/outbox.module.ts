import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxDelivery } from './outbox-delivery';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxFailureEntity } from './outbox-failure.entity';
import { OutboxHandlerRegistry } from './outbox-handler-registry';
import { DEFAULT_OUTBOX_OPTIONS, OUTBOX_OPTIONS, type OutboxOptions } from './outbox-options';
import { OutboxRedelivery } from './outbox-redelivery';
import { OutboxRelay } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';
import { OutboxService } from './outbox.service';
import { ProcessedEventEntity } from './processed-event.entity';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    TypeOrmModule.forFeature([OutboxEventEntity, ProcessedEventEntity, OutboxFailureEntity]),
  ],
  providers: [
    OutboxSignal,
    OutboxService,
    OutboxHandlerRegistry,
    OutboxDelivery,
    OutboxRelay,
    OutboxRedelivery,
    // A copy per app: tests tune their instance (e.g. fewer attempts) without touching the defaults.
    { provide: OUTBOX_OPTIONS, useFactory: (): OutboxOptions => ({ ...DEFAULT_OUTBOX_OPTIONS }) },
  ],
  exports: [OutboxService, OutboxRelay, OutboxRedelivery],
})
export class OutboxModule {}
