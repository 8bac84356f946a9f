import { DemoOrdersSeed } from '../../../src/seed';
import { createTestApp, type TestApp } from '../../support/test-app';
import { expectLedgerBalanced, ledgerCheck } from '../catalog/catalog-test-kit';
import { eventually } from '../campaigns/campaigns-test-kit';
import { seedDemo } from '../support/modules-test-kit';

/** `npm start` on a fresh database: the demo also has orders, made through the real services. */
describe('demo orders', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t);
    await t.app.get(DemoOrdersSeed).seed();
  });
  afterAll(() => t.close());

  it('tells the story: one order in each state, money and stock consistent', async () => {
    const rows = (await t.dataSource.query('SELECT status FROM orders ORDER BY id')) as Array<{
      status: string;
    }>;
    expect(rows.map((r) => r.status)).toEqual([
      'ready_for_pickup',
      'pending_payment',
      'picked_up',
      'refunded',
      'paid',
    ]);
    const payments = (await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM payments WHERE status = 'succeeded'",
    )) as Array<{
      n: number | string;
    }>;
    expect(Number(payments[0].n)).toBe(4);
    await eventually(async () => {
      const [refund] = (await t.dataSource.query('SELECT status FROM refunds')) as Array<{ status: string }>;
      return refund?.status === 'succeeded';
    });
    expectLedgerBalanced(await ledgerCheck(t));
  });
});
