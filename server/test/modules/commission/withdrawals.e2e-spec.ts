import { randomUUID } from 'node:crypto';
import type { CommissionEntryView, WithdrawalView } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { leaderToken, ordersWorld, type OrdersWorld } from '../orders/orders-test-kit';
import { application, apply, memberLogin } from '../leaders/leaders-test-kit';
import { bearer, countRows } from '../support/modules-test-kit';
import { overviewOf, binaryBody, openWorkbook } from './commission-test-kit';

const BANK = { holder: '王丽华', bankName: '招商银行', accountNo: '6225880212345678' };

/** Withdrawals: balance checks, one open request, auto-approval, review, WeChat 商家转账 and bank batches. */
describe('withdrawals', () => {
  let t: TestApp;
  let world: OrdersWorld;
  let leader: string;
  let leaderId: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: { DEV_LOGIN: 'true', COMMISSION_WITHDRAW_MIN_FEN: '100', COMMISSION_AUTO_APPROVE_FEN: '5000' },
    });
    world = await ordersWorld(t);
    leader = await leaderToken(world, '王丽华');
    leaderId = world.leaders['王丽华'].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Finance credits the leader (an adjustment is available at once). */
  async function credit(amount: number): Promise<CommissionEntryView> {
    const res = await t
      .http()
      .post('/api/admin/commission/adjustments')
      .set(...bearer(world.admin))
      .send({ leaderId, amount, reason: '测试入账', requestId: randomUUID() })
      .expect(201);
    return res.body as CommissionEntryView;
  }

  function withdraw(body: Record<string, unknown>) {
    return t
      .http()
      .post('/api/app/leader/commission/withdrawals')
      .set(...bearer(leader))
      .send({ requestId: randomUUID(), method: 'wechat', ...body });
  }

  async function staff(path: string, body: Record<string, unknown> = {}): Promise<WithdrawalView> {
    const res = await t
      .http()
      .post(`/api/admin/commission/withdrawals/${path}`)
      .set(...bearer(world.admin))
      .send(body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as WithdrawalView;
  }

  async function mine(id: number): Promise<WithdrawalView> {
    const res = await t
      .http()
      .get('/api/app/leader/commission/withdrawals?pageSize=50')
      .set(...bearer(leader))
      .expect(200);
    return (res.body.items as WithdrawalView[]).find((w) => w.id === id)!;
  }

  it('refuses more than the balance, less than the minimum, an unknown method; nothing is written', async () => {
    const before = {
      entries: await countRows(t, 'commission_entries'),
      withdrawals: await countRows(t, 'commission_withdrawals'),
    };
    const over = await withdraw({ amount: 100 });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'WITHDRAWAL_OVER_BALANCE' });
    expect(over.body.message).toContain('可提现余额');
    await credit(1000);
    const tooMuch = await withdraw({ amount: 1001 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('WITHDRAWAL_OVER_BALANCE');
    const tooLittle = await withdraw({ amount: 99 });
    expect(tooLittle.status).toBe(400);
    expect(tooLittle.body.code).toBe('WITHDRAWAL_BELOW_MINIMUM');
    const noBank = await withdraw({ amount: 500, method: 'bank' });
    expect(noBank.status).toBe(400);
    const odd = await withdraw({ amount: 500, method: 'alipay' });
    expect(odd.status).toBe(400);
    expect(await countRows(t, 'commission_withdrawals')).toBe(before.withdrawals);
    expect(await countRows(t, 'commission_entries')).toBe(before.entries + 1); // only the credit
    expect((await overviewOf(t, leader)).balance.available).toBe(1000);
  });

  it('a small WeChat withdrawal is approved at once, paid by transfer once the leader confirms receipt', async () => {
    const requestId = randomUUID();
    const first = await withdraw({ amount: 600, requestId });
    expect(first.status).toBe(201);
    const w = first.body as WithdrawalView;
    expect(w).toMatchObject({ amount: 600, status: 'approved', method: 'wechat' });
    // The same request again answers the same withdrawal; another request while it is open is refused.
    const retry = await withdraw({ amount: 600, requestId });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(w.id);
    const second = await withdraw({ amount: 100 });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('WITHDRAWAL_OPEN_EXISTS');
    expect((await overviewOf(t, leader)).balance.available).toBe(400);

    await eventually(async () => (await mine(w.id)).awaitingConfirmation);
    const confirmation = await t
      .http()
      .post(`/api/app/leader/commission/withdrawals/${w.id}/confirmation`)
      .set(...bearer(leader))
      .expect(200);
    expect(confirmation.body.mode).toBe('simulator');
    expect(confirmation.body.package).toBeTruthy();
    const paid = await t
      .http()
      .post(`/api/app/leader/commission/withdrawals/${w.id}/simulate`)
      .set(...bearer(leader))
      .send({ accept: true })
      .expect(200);
    expect((paid.body as WithdrawalView).status).toBe('paid');
    const overview = await overviewOf(t, leader);
    expect(overview.balance).toMatchObject({ available: 400, withdrawn: 600 });
    expect(overview.openWithdrawal).toBeNull();
    const [hold] = (await t.dataSource.query('SELECT status FROM commission_entries WHERE entry_key = ?', [
      `withdrawal:${w.id}`,
    ])) as Array<{ status: string }>;
    expect(hold.status).toBe('settled');
  });

  it('a leader who cancels the transfer gets the money back; the withdrawal ends failed', async () => {
    const w = (await withdraw({ amount: 300 }).expect(201)).body as WithdrawalView;
    await eventually(async () => (await mine(w.id)).awaitingConfirmation);
    const cancelled = await t
      .http()
      .post(`/api/app/leader/commission/withdrawals/${w.id}/simulate`)
      .set(...bearer(leader))
      .send({ accept: false })
      .expect(200);
    expect((cancelled.body as WithdrawalView).status).toBe('failed');
    expect((cancelled.body as WithdrawalView).failureReason).toBeTruthy();
    expect((await overviewOf(t, leader)).balance.available).toBe(400);
  });

  it('a large withdrawal waits for finance; rejected with a reason, the money returns', async () => {
    await credit(10_000);
    const w = (await withdraw({ amount: 8000 }).expect(201)).body as WithdrawalView;
    expect(w.status).toBe('reviewing');
    expect((await overviewOf(t, leader)).balance.available).toBe(2400);
    const noReason = await t
      .http()
      .post(`/api/admin/commission/withdrawals/${w.id}/reject`)
      .set(...bearer(world.admin))
      .send({ reason: '' });
    expect(noReason.status).toBe(400);
    const rejected = await staff(`${w.id}/reject`, { reason: '收款人信息不符' });
    expect(rejected).toMatchObject({ status: 'rejected', reviewNote: '收款人信息不符' });
    expect((await overviewOf(t, leader)).balance.available).toBe(10_400);
    const again = await t
      .http()
      .post(`/api/admin/commission/withdrawals/${w.id}/approve`)
      .set(...bearer(world.admin));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WITHDRAWAL_INVALID_STATUS');
    expect((await overviewOf(t, leader)).balance.available).toBe(10_400);
  });

  it('bank payouts: approved requests leave in an Excel batch; finance marks them paid or failed', async () => {
    const w = (await withdraw({ amount: 7000, method: 'bank', bankAccount: BANK }).expect(201))
      .body as WithdrawalView;
    expect(w.status).toBe('reviewing');
    expect(w.bankAccount?.accountNo).not.toBe(BANK.accountNo); // masked for the leader
    expect((await staff(`${w.id}/approve`)).status).toBe('approved');
    const batch = await t
      .http()
      .post('/api/admin/commission/withdrawals/bank-batch')
      .set(...bearer(world.admin))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(batch.headers['content-type']).toContain('spreadsheetml');
    const book = await openWorkbook(batch.body as Buffer);
    const cells = book.worksheets[0]
      .getSheetValues()
      .flat()
      .map((v) => String(v ?? ''));
    expect(cells).toContain(BANK.accountNo);
    expect(cells.some((c) => c.includes('70'))).toBe(true);
    expect((await mine(w.id)).status).toBe('paying');

    const failed = await staff(`${w.id}/mark-failed`, { reason: '账号不存在' });
    expect(failed.status).toBe('failed');
    expect((await overviewOf(t, leader)).balance.available).toBe(10_400);

    const next = (await withdraw({ amount: 6000, method: 'bank', bankAccount: BANK }).expect(201))
      .body as WithdrawalView;
    await staff(`${next.id}/approve`);
    await t
      .http()
      .post('/api/admin/commission/withdrawals/bank-batch')
      .set(...bearer(world.admin))
      .expect(200);
    expect((await staff(`${next.id}/mark-paid`)).status).toBe('paid');
    expect((await overviewOf(t, leader)).balance).toMatchObject({ available: 4400, withdrawn: 6600 });
    // A second batch holds nothing: every approved request left in the first.
    const audits = (await t.dataSource.query(
      "SELECT action FROM audit_logs WHERE action LIKE 'withdrawal.%' ORDER BY id",
    )) as Array<{ action: string }>;
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'withdrawal.reject',
        'withdrawal.approve',
        'withdrawal.markFailed',
        'withdrawal.markPaid',
      ]),
    );
  });

  it('concurrent requests for the same money: exactly one succeeds', async () => {
    const available = (await overviewOf(t, leader)).balance.available;
    const results = await Promise.all(Array.from({ length: 8 }, () => withdraw({ amount: available })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    expect((await overviewOf(t, leader)).balance.available).toBe(0);
  });

  it('a leader sees only their own withdrawals; staff without the permission cannot review', async () => {
    const other = await leaderToken(world, '陈建国');
    const [w] = (
      (
        await t
          .http()
          .get('/api/app/leader/commission/withdrawals')
          .set(...bearer(leader))
          .expect(200)
      ).body.items as WithdrawalView[]
    ).slice(0, 1);
    const res = await t
      .http()
      .post(`/api/app/leader/commission/withdrawals/${w.id}/sync`)
      .set(...bearer(other));
    expect(res.status).toBe(404);
    const buyerRes = await t
      .http()
      .get('/api/admin/commission/withdrawals')
      .set(...bearer(leader));
    expect(buyerRes.status).toBe(401);
    // A member who only applied is not a leader: no commission screens.
    const member = await memberLogin(t, `applicant-${randomUUID().slice(0, 8)}`);
    expect((await apply(t, member.accessToken, application())).status).toBe(201);
    const applicant = await t
      .http()
      .get('/api/app/leader/commission')
      .set(...bearer(member.accessToken));
    expect(applicant.status).toBe(403);
    expect(applicant.body.code).toBe('LEADER_NOT_ACTIVE');
  });
});
