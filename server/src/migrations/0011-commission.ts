import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  bigIdColumn,
  createdAtColumn,
  datetimeColumn,
  idColumn,
  isMysql,
  updatedAtColumn,
} from '../platform/database/migration-columns';

/**
 * Issue 6: commission rule sets, the ledger, the completed orders it was computed from, accounts (the
 * withdrawal lock), withdrawals, month closes; and the payments context's record of 商家转账 transfers.
 * Rule set v1 is created from the leader levels' own rates, so commission works from the first order.
 * See docs/commission.md.
 */
export class Commission1763856000011 implements MigrationInterface {
  name = 'Commission1763856000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const int = (name: string, options: { nullable?: boolean; default?: number } = {}) => ({
      name,
      type: 'int',
      isNullable: options.nullable ?? false,
      default: options.default,
    });
    const bigRef = (name: string, isNullable = false) => ({
      name,
      type: isMysql(queryRunner) ? 'bigint' : 'integer',
      isNullable,
    });
    const money = (name: string) => ({ name, type: 'bigint', isNullable: false, default: 0 });
    const text = (name: string) => ({ name, type: 'text', isNullable: false });

    await queryRunner.createTable(
      new Table({
        name: 'payment_transfers',
        columns: [
          idColumn(),
          varchar('out_bill_no', 32),
          varchar('provider', 16),
          money('amount'),
          varchar('openid', 64),
          varchar('remark', 32),
          varchar('state', 20),
          varchar('transfer_bill_no', 64, true),
          varchar('fail_reason', 64, true),
          datetimeColumn('finished_at', { nullable: true }),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_payment_transfers_bill', columnNames: ['out_bill_no'], isUnique: true }),
          new TableIndex({ name: 'idx_payment_transfers_state', columnNames: ['state', 'updated_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'commission_rule_sets',
        columns: [
          idColumn(),
          varchar('name', 40),
          int('version', { nullable: true }),
          varchar('status', 12),
          datetimeColumn('effective_from', { nullable: true }),
          text('rules'),
          varchar('created_by_name', 64),
          datetimeColumn('published_at', { nullable: true }),
          varchar('published_by_name', 64, true),
          createdAtColumn(queryRunner),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_commission_rule_sets_version',
            columnNames: ['version'],
            isUnique: true,
          }),
          new TableIndex({
            name: 'idx_commission_rule_sets_effective',
            columnNames: ['status', 'effective_from'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'commission_entries',
        columns: [
          bigIdColumn(queryRunner),
          int('leader_id'),
          bigRef('order_id', true),
          varchar('type', 20),
          money('amount'),
          varchar('status', 10),
          datetimeColumn('available_at'),
          int('rule_set_id', { nullable: true }),
          int('rule_set_version', { nullable: true }),
          varchar('entry_key', 80),
          bigRef('source_entry_id', true),
          int('withdrawal_id', { nullable: true }),
          text('details'),
          varchar('note', 200, true),
          createdAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({ name: 'uq_commission_entries_key', columnNames: ['entry_key'], isUnique: true }),
          new TableIndex({ name: 'idx_commission_entries_leader', columnNames: ['leader_id', 'created_at'] }),
          new TableIndex({ name: 'idx_commission_entries_balance', columnNames: ['leader_id', 'status'] }),
          new TableIndex({ name: 'idx_commission_entries_frozen', columnNames: ['status', 'available_at'] }),
          new TableIndex({ name: 'idx_commission_entries_order', columnNames: ['order_id'] }),
          new TableIndex({ name: 'idx_commission_entries_created', columnNames: ['created_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'commission_orders',
        columns: [
          { ...bigRef('order_id'), isPrimary: true },
          varchar('order_no', 24),
          int('leader_id'),
          int('level_id', { nullable: true }),
          int('upline1_id', { nullable: true }),
          int('upline2_id', { nullable: true }),
          datetimeColumn('completed_at'),
          money('paid_amount'),
          money('refunded_amount'),
          text('lines'),
          int('rule_set_id'),
          int('rule_set_version'),
          money('accrual_amount'),
          money('referral1_amount'),
          money('referral2_amount'),
        ],
        indices: [
          new TableIndex({
            name: 'idx_commission_orders_leader',
            columnNames: ['leader_id', 'completed_at'],
          }),
          new TableIndex({ name: 'idx_commission_orders_completed', columnNames: ['completed_at'] }),
          new TableIndex({ name: 'idx_commission_orders_no', columnNames: ['order_no'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'commission_accounts',
        columns: [
          { ...int('leader_id'), isPrimary: true },
          int('completed_orders', { default: 0 }),
          updatedAtColumn(queryRunner),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'commission_withdrawals',
        columns: [
          idColumn(),
          int('leader_id'),
          varchar('request_id', 64),
          money('amount'),
          varchar('method', 10),
          varchar('status', 12),
          varchar('bank_holder', 32, true),
          varchar('bank_name', 40, true),
          varchar('bank_account_no', 32, true),
          varchar('openid', 64, true),
          varchar('out_bill_no', 32, true),
          varchar('batch_no', 32, true),
          { name: 'awaiting_confirmation', type: 'boolean', isNullable: false, default: 0 },
          varchar('review_note', 200, true),
          varchar('reviewed_by_name', 64, true),
          datetimeColumn('reviewed_at', { nullable: true }),
          varchar('failure_reason', 200, true),
          datetimeColumn('paid_at', { nullable: true }),
          createdAtColumn(queryRunner, 'requested_at'),
          updatedAtColumn(queryRunner),
        ],
        indices: [
          new TableIndex({
            name: 'uq_commission_withdrawals_request',
            columnNames: ['leader_id', 'request_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_commission_withdrawals_status', columnNames: ['status', 'id'] }),
          new TableIndex({ name: 'idx_commission_withdrawals_bill', columnNames: ['out_bill_no'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'commission_month_closes',
        columns: [
          { ...varchar('month', 7), isPrimary: true },
          datetimeColumn('closed_at'),
          int('leaders'),
          money('total'),
        ],
      }),
    );

    await this.createFirstRuleSet(queryRunner);
  }

  /** Version 1, in force from the start: each level earns its own rate (levels.commission_rate_bps). */
  private async createFirstRuleSet(queryRunner: QueryRunner): Promise<void> {
    const levels = (await queryRunner.query(
      'SELECT id, commission_rate_bps AS rate FROM leader_levels ORDER BY level_rank ASC',
    )) as Array<{ id: number; rate: number }>;
    const rates = levels.map((level) => ({ levelId: Number(level.id), rateBps: Number(level.rate) }));
    const rules = {
      basis: 'paid_amount',
      defaultRateBps: rates.length > 0 ? Math.min(...rates.map((r) => r.rateBps)) : 0,
      levelRates: rates,
      overrides: [],
      tierBonus: null,
      referral: null,
      recruitmentReward: null,
      frozenDays: 7,
    };
    // In force since always (orders completed before this migration are computed by it too); published now.
    const epoch = '1970-01-01 00:00:00.000';
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    await queryRunner.query(
      `INSERT INTO commission_rule_sets
        (name, version, status, effective_from, rules, created_by_name, published_at, published_by_name)
       VALUES (?, 1, 'published', ?, ?, '系统', ?, '系统')`,
      ['初始方案（按等级费率）', epoch, JSON.stringify(rules), now],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'commission_month_closes',
      'commission_withdrawals',
      'commission_accounts',
      'commission_orders',
      'commission_entries',
      'commission_rule_sets',
      'payment_transfers',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
