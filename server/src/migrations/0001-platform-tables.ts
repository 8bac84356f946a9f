import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bigIdColumn, datetimeColumn } from '../platform/database/migration-columns';

/** Platform tables: the transactional outbox and the idempotency ledger of its handlers. */
export class PlatformTables1763856000001 implements MigrationInterface {
  name = 'PlatformTables1763856000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outbox_events',
        columns: [
          bigIdColumn(queryRunner),
          { name: 'event_id', type: 'varchar', length: '36' },
          { name: 'type', type: 'varchar', length: '100' },
          { name: 'aggregate_id', type: 'varchar', length: '100', isNullable: true },
          { name: 'payload', type: 'text' },
          datetimeColumn('occurred_at'),
          datetimeColumn('relayed_at', { nullable: true }),
          { name: 'claim_token', type: 'varchar', length: '36', isNullable: true },
          datetimeColumn('claimed_until', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'uq_outbox_events_event_id', columnNames: ['event_id'], isUnique: true }),
          // The relay scans unrelayed rows in id order.
          new TableIndex({ name: 'idx_outbox_events_relayed_at_id', columnNames: ['relayed_at', 'id'] }),
          new TableIndex({ name: 'idx_outbox_events_claim_token', columnNames: ['claim_token'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'processed_events',
        columns: [
          bigIdColumn(queryRunner),
          { name: 'handler_name', type: 'varchar', length: '150' },
          { name: 'event_id', type: 'varchar', length: '36' },
          datetimeColumn('processed_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_processed_events_handler_event',
            columnNames: ['handler_name', 'event_id'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('processed_events');
    await queryRunner.dropTable('outbox_events');
  }
}
