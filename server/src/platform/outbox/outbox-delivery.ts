import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../database/transaction';
import { JobHandler } from '../queue/job-handler.decorator';
import type { JobPayloads } from '../queue/job-queue';
import { OutboxEventEntity } from './outbox-event.entity';
import { OutboxHandlerRegistry } from './outbox-handler-registry';
import { ProcessedEventEntity } from './processed-event.entity';

/**
 * Runs one handler for one event, at most once: the processed_events row and the handler's writes
 * commit together, and a replay finds the row and does nothing.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger(OutboxDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly handlers: OutboxHandlerRegistry,
  ) {}

  @JobHandler('outbox.deliver')
  async deliver({ eventId, handlerName }: JobPayloads['outbox.deliver']): Promise<void> {
    const handler = this.handlers.get(handlerName);
    if (!handler) {
      // Deployed code no longer has this handler: nothing can run it, retrying would not help.
      this.logger.warn({ eventId, handlerName }, 'outbox handler no longer exists; event skipped');
      return;
    }
    try {
      await this.transactions.run(async (manager) => {
        const already = await manager.existsBy(ProcessedEventEntity, { handlerName, eventId });
        if (already) return;
        const row = await manager.findOneBy(OutboxEventEntity, { eventId });
        if (!row) throw new Error(`outbox event ${eventId} not found`);
        // Insert first: a concurrent delivery of the same pair then fails on the unique key and rolls back.
        await manager.insert(ProcessedEventEntity, { handlerName, eventId, processedAt: new Date() });
        await handler.run(
          {
            id: row.eventId,
            type: row.type,
            aggregateId: row.aggregateId,
            payload: row.payload,
            occurredAt: row.occurredAt,
          },
          manager,
        );
      });
    } catch (error) {
      if (await this.isProcessed(handlerName, eventId)) return; // lost a race with another worker: done
      throw error;
    }
  }

  private isProcessed(handlerName: string, eventId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(ProcessedEventEntity, { handlerName, eventId });
  }
}
