import { Logger } from '@nestjs/common';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import { TransactionRunner } from './transaction';

Logger.overrideLogger(false);

@Entity({ name: 'notes' })
class Note {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50 })
  text!: string;
}

interface Observed {
  same: boolean;
  inTx: boolean;
  committed: boolean;
}

describe('TransactionRunner (SQLite in memory)', () => {
  let dataSource: DataSource;
  let tx: TransactionRunner;

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Note],
      synchronize: true,
    });
    await dataSource.initialize();
    tx = new TransactionRunner(dataSource);
  });
  afterEach(() => dataSource.destroy());

  /** Schedules `later` from inside a transaction and reports what its own `run` saw. */
  function observeLaterRun(schedule: (later: () => void) => void, outerFails = false): Promise<Observed> {
    return new Promise<Observed>((resolve, reject) => {
      let outer: EntityManager | null = null;
      const later = (): void => {
        const observed: Observed = { same: false, inTx: false, committed: false };
        tx.run(async (manager) => {
          observed.same = manager === outer;
          observed.inTx = manager.queryRunner?.isTransactionActive ?? false;
          await manager.save(Note, { text: 'later' });
          tx.afterCommit(manager, () => (observed.committed = true));
        }).then(() => resolve(observed), reject);
      };
      tx.run(async (manager) => {
        outer = manager;
        await manager.save(Note, { text: 'outer' });
        schedule(later);
        if (outerFails) throw new Error('rolled back');
      }).catch(() => undefined);
    });
  }

  it('joins the open outer transaction from nested calls', async () => {
    await tx.run(async (outer) => {
      await tx.run(async (inner) => {
        expect(inner).toBe(outer);
        await inner.save(Note, { text: 'nested' });
      });
    });
    expect(await dataSource.manager.count(Note)).toBe(1);
  });

  it('starts a new transaction for a timer scheduled inside a committed one', async () => {
    const observed = await observeLaterRun((later) => setTimeout(later, 0));
    expect(observed).toEqual({ same: false, inTx: true, committed: true });
    expect(await dataSource.manager.count(Note)).toBe(2);
  });

  it('starts a new transaction for a promise continuation that outlives the transaction', async () => {
    const observed = await observeLaterRun((later) => void new Promise((r) => setImmediate(r)).then(later));
    expect(observed).toEqual({ same: false, inTx: true, committed: true });
  });

  it('does not join a rolled-back transaction either', async () => {
    const observed = await observeLaterRun((later) => setTimeout(later, 0), true);
    expect(observed).toEqual({ same: false, inTx: true, committed: true });
    expect((await dataSource.manager.find(Note)).map((n) => n.text)).toEqual(['later']);
  });

  it('refuses afterCommit for a manager whose transaction is over', async () => {
    let leaked: EntityManager | null = null;
    let registered: boolean | null = null;
    await tx.run(async (manager) => {
      leaked = manager;
      setTimeout(() => (registered = tx.afterCommit(leaked!, () => undefined)), 0);
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(registered).toBe(false);
  });
});
