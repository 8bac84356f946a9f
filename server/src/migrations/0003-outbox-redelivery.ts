import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bigIdColumn, datetimeColumn } from '../platform/database/migration-columns';

/**
 * Outbox delivery guarantees: `settled_at` marks events whose every handler ran (or gave up), so the
 * redelivery sweep only scans the unsettled tail; `outbox_failures` records failing deliveries.
 */
export class OutboxRedelivery1763856000003 implements MigrationInterface {
  name = 'OutboxRedelivery1763856000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'outbox_events',
      new TableColumn(datetimeColumn('settled_at', { nullable: true })),
    );
    // The sweep scans relayed, unsettled rows in id order.
    await queryRunner.createIndex(
      'outbox_events',
      new TableIndex({ name: 'idx_outbox_events_settled_at_id', columnNames: ['settled_at', 'id'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox_failures',
        columns: [
          bigIdColumn(queryRunner),
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'handler_name', type: 'varchar', length: '150' },
          { name: 'attempts', type: 'int' },
          { name: 'last_error', type: 'text' },
          datetimeColumn('last_attempt_at'),
          // Set when the attempts are exhausted: nothing retries it until an operator asks.
          datetimeColumn('failed_at', { nullable: true }),
        ],
        indices: [
          new TableIndex({
            name: 'uq_outbox_failures_handler_event',
            columnNames: ['handler_name', 'event_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_outbox_failures_failed_at', columnNames: ['failed_at'] }),
          new TableIndex({ name: 'idx_outbox_failures_event_id', columnNames: ['event_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_failures');
    await queryRunner.dropIndex('outbox_events', 'idx_outbox_events_settled_at_id');
    await queryRunner.dropColumn('outbox_events', 'settled_at');
  }
}
