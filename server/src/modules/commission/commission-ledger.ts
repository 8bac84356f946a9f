import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual, type EntityManager } from 'typeorm';
import type {
  CommissionBalance,
  CommissionDetailLine,
  CommissionEntryStatus,
  CommissionEntryType,
} from '@linli/shared-types';
import { bulkInsert, shanghaiDate, shanghaiTime } from '../../platform';
import { CommissionAccountEntity } from './persistence/commission-account.entity';
import { CommissionEntryEntity } from './persistence/commission-entry.entity';

/** An entry to append to the ledger. */
export interface NewEntry {
  leaderId: number;
  orderId: number | null;
  type: CommissionEntryType;
  amount: number;
  status: CommissionEntryStatus;
  availableAt: Date;
  ruleSetId: number | null;
  ruleSetVersion: number | null;
  entryKey: string;
  sourceEntryId?: number | null;
  withdrawalId?: number | null;
  details: CommissionDetailLine[];
  note?: string | null;
}

const COLUMNS = [
  'leader_id',
  'order_id',
  'type',
  'amount',
  'status',
  'available_at',
  'rule_set_id',
  'rule_set_version',
  'entry_key',
  'source_entry_id',
  'withdrawal_id',
  'details',
  'note',
  'created_at',
] as const;
/** Rows per INSERT statement (14 parameters each; well under every driver's limit). */
const INSERT_CHUNK = 500;

/**
 * The append-only commission ledger. Amounts are never updated; each entry has a unique key, so the same
 * fact written twice fails instead of counting twice. Balances are sums over entries, computed on read.
 */
@Injectable()
export class CommissionLedger {
  /** Appends entries in the caller's transaction (a duplicate key throws and rolls the caller back). */
  async append(m: EntityManager, entries: readonly NewEntry[], at: Date = new Date()): Promise<void> {
    for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
      const chunk = entries.slice(start, start + INSERT_CHUNK);
      await bulkInsert(
        m,
        'commission_entries',
        COLUMNS,
        chunk.map((e) => [
          e.leaderId,
          e.orderId,
          e.type,
          e.amount,
          e.status,
          e.availableAt,
          e.ruleSetId,
          e.ruleSetVersion,
          e.entryKey,
          e.sourceEntryId ?? null,
          e.withdrawalId ?? null,
          e.details,
          e.note ?? null,
          at,
        ]),
      );
    }
  }

  async exists(m: EntityManager, entryKey: string): Promise<boolean> {
    return m.getRepository(CommissionEntryEntity).existsBy({ entryKey });
  }

  /** Makes a leader's (or everyone's) frozen entries whose time has come available. Returns how many. */
  async unfreezeDue(m: EntityManager, now: Date, leaderId?: number, limit = 2000): Promise<number> {
    const due = await m.getRepository(CommissionEntryEntity).find({
      select: { id: true },
      where: { status: 'frozen', availableAt: LessThanOrEqual(now), ...(leaderId ? { leaderId } : {}) },
      order: { availableAt: 'ASC' },
      take: limit,
    });
    if (due.length === 0) return 0;
    const result = await m
      .getRepository(CommissionEntryEntity)
      .update({ id: In(due.map((e) => e.id)), status: 'frozen' }, { status: 'available' });
    return result.affected ?? due.length;
  }

  /**
   * The account row of a leader, locked (FOR UPDATE on MySQL), created on first use. The locking read
   * comes first: an INSERT IGNORE on an existing row takes a shared lock, and two transactions holding it
   * both wait for the exclusive one (a deadlock). Only a first use inserts.
   */
  async lockAccount(m: EntityManager, leaderId: number): Promise<CommissionAccountEntity> {
    const repo = m.getRepository(CommissionAccountEntity);
    const mysql = m.connection.options.type === 'mysql';
    const read = () =>
      repo.findOne({
        where: { leaderId },
        ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
    const found = await read();
    if (found) return found;
    await this.ensureAccount(m, leaderId);
    const created = await read();
    if (!created) throw new Error(`commission account of leader ${leaderId} missing after insert`);
    return created;
  }

  /** Creates the account row if absent (outside a hot transaction, so that the lock above never inserts). */
  async ensureAccount(m: EntityManager, leaderId: number): Promise<void> {
    await m
      .getRepository(CommissionAccountEntity)
      .createQueryBuilder()
      .insert()
      .into(CommissionAccountEntity)
      .values({ leaderId, completedOrders: 0 })
      .orIgnore()
      .execute();
  }

  /** Balances of several leaders, from their entries (today and this month in Asia/Shanghai). */
  async balances(
    m: EntityManager,
    leaderIds: readonly number[],
    now = new Date(),
  ): Promise<Map<number, CommissionBalance>> {
    const result = new Map<number, CommissionBalance>();
    for (const leaderId of leaderIds) result.set(leaderId, emptyBalance(leaderId));
    if (leaderIds.length === 0) return result;
    const today = shanghaiDate(now);
    const dayStart = shanghaiTime(today, 0);
    const monthStart = shanghaiTime(`${today.slice(0, 8)}01`, 0);
    const rows = await m
      .getRepository(CommissionEntryEntity)
      .createQueryBuilder('e')
      .select('e.leaderId', 'leaderId')
      // Frozen entries past their time count as available even before the sweep flips them.
      .addSelect(
        "SUM(CASE WHEN e.status = 'frozen' AND e.availableAt > :now THEN e.amount ELSE 0 END)",
        'frozen',
      )
      .addSelect(
        // Settled entries are paid-out withdrawals: they keep the money off the balance.
        "SUM(CASE WHEN e.status <> 'frozen' OR e.availableAt <= :now THEN e.amount ELSE 0 END)",
        'available',
      )
      .addSelect(
        "SUM(CASE WHEN e.status = 'settled' AND e.type = 'withdrawal' THEN e.amount ELSE 0 END)",
        'settledWithdrawals',
      )
      .addSelect(
        "SUM(CASE WHEN e.type <> 'withdrawal' AND e.createdAt >= :dayStart THEN e.amount ELSE 0 END)",
        'today',
      )
      .addSelect(
        "SUM(CASE WHEN e.type <> 'withdrawal' AND e.createdAt >= :monthStart THEN e.amount ELSE 0 END)",
        'thisMonth',
      )
      .where('e.leaderId IN (:...leaderIds)', { leaderIds: [...new Set(leaderIds)] })
      .setParameters({ dayStart, monthStart, now })
      .groupBy('e.leaderId')
      .getRawMany<
        Record<
          'leaderId' | 'frozen' | 'available' | 'settledWithdrawals' | 'today' | 'thisMonth',
          string | number | null
        >
      >();
    for (const row of rows) {
      const leaderId = Number(row.leaderId);
      result.set(leaderId, {
        leaderId,
        frozen: Number(row.frozen ?? 0),
        available: Number(row.available ?? 0),
        withdrawn: -Number(row.settledWithdrawals ?? 0),
        today: Number(row.today ?? 0),
        thisMonth: Number(row.thisMonth ?? 0),
      });
    }
    return result;
  }

  async balanceOf(m: EntityManager, leaderId: number, now = new Date()): Promise<CommissionBalance> {
    return (await this.balances(m, [leaderId], now)).get(leaderId) ?? emptyBalance(leaderId);
  }
}

function emptyBalance(leaderId: number): CommissionBalance {
  return { leaderId, frozen: 0, available: 0, withdrawn: 0, today: 0, thisMonth: 0 };
}
