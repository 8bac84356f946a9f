import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { testDatabaseUrl } from '../../../src/platform/database/test-database-guard';
import type { FakeWechatPay } from '../../support/fake-wechatpay/fake-wechatpay';
import { startTestMerchant, type TestMerchant } from '../../support/fake-wechatpay/wechatpay-test-merchant';
import { createTestApp, type TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { bearer } from '../support/modules-test-kit';
import {
  buyerAt,
  liveCampaign,
  orderOf,
  ordersWorld,
  placedOrder,
  type OrdersWorld,
} from './orders-test-kit';

const services = Boolean(testDatabaseUrl(process.env) && process.env.REDIS_URL);
const describeWithServices = services ? describe : describe.skip;

const REPO = resolve(__dirname, '../../../..');
const LOCK_MS = 1500;

/**
 * In front of the fake WeChat Pay: forwards everything, but can swallow the ANSWER to the next refund
 * request — WeChat has booked the refund, the worker never hears back — so a test can kill the worker
 * at exactly that moment.
 */
async function startHoldingProxy(target: string) {
  let holdNextRefund = false;
  let onHeld: (() => void) | null = null;
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', target);
      const upstream = httpRequest(url, { method: req.method, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          if (holdNextRefund && req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') {
            holdNextRefund = false;
            held.push(res); // never answered: the caller dies waiting
            onHeld?.();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(body));
        });
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    holdNextRefundAnswer(): Promise<void> {
      holdNextRefund = true;
      return new Promise<void>((done) => (onHeld = done));
    },
    close: () =>
      new Promise<void>((done) => {
        for (const res of held) res.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * A worker process killed in the middle of a job (kill -9, no shutdown): the job runs again in another
 * worker and nothing happens twice. The job here is the refund job, killed after WeChat Pay booked the
 * refund but before the worker heard back: a retry that paid the buyer twice would be the worst bug a
 * payment system can have. WeChat Pay refunds are idempotent by out_refund_no, and so is ours.
 */
describeWithServices('a worker killed mid-job (needs MySQL/MariaDB + Redis; runs server/dist)', () => {
  let merchant: TestMerchant;
  let fake: FakeWechatPay;
  let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
  let api: TestApp;
  let world: OrdersWorld;
  let env: Record<string, string>;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // The worker runs the built server, as in production; build it if the sources changed.
    execFileSync(process.execPath, [join(REPO, 'scripts/build.mjs'), 'server'], { cwd: REPO, stdio: 'pipe' });
    merchant = await startTestMerchant();
    fake = merchant.fake;
    proxy = await startHoldingProxy(fake.url);
    env = { ...merchant.env(proxy.url), QUEUE_LOCK_MS: String(LOCK_MS) };
    api = await createTestApp({ env: { ...env, DEV_LOGIN: 'true', PROCESS_ROLE: 'api' } });
    await api.app.listen(merchant.appPort, '127.0.0.1');
    world = await ordersWorld(api);
  }, 180_000);

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    await api?.close();
    await proxy?.close();
    await merchant?.close();
  });

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [join(REPO, 'server/dist/main.js'), '--worker'], {
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'development',
        DATABASE_URL: api.config.database.type === 'mysql' ? api.config.database.url : '',
        REDIS_URL: api.config.redisUrl ?? '',
        QUEUE_PREFIX: api.config.queuePrefix,
        JWT_SECRET: api.config.jwt.secret,
        RUN_MIGRATIONS: 'false',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        PROCESS_ROLE: 'worker',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    workers.push(child);
    return child;
  }

  it('the refund runs again after the kill, and WeChat Pay refunds the buyer exactly once', async () => {
    const campaign = await liveCampaign(world);
    const buyer = await buyerAt(world);
    const order = await placedOrder(api, buyer.token, {
      campaignId: campaign.id,
      lines: [{ itemId: campaign.items[0].id, quantity: 1 }],
    });
    await api
      .http()
      .post(`/api/app/orders/${order.id}/pay`)
      .set(...bearer(buyer.token))
      .expect(200);
    expect((await fake.pay(order.orderNo)).status).toBe(204);

    const first = startWorker();
    const held = proxy.holdNextRefundAnswer();
    await api
      .http()
      .post(`/api/admin/orders/${order.id}/refund`)
      .set(...bearer(world.admin))
      .send({ reason: '买家不要了' })
      .expect(200);
    await held; // WeChat booked the refund; the worker is waiting for the answer…
    first.kill('SIGKILL'); // …and dies.
    await new Promise((done) => first.once('exit', done));

    const [refund] = (await api.dataSource.query(
      'SELECT out_refund_no, status FROM refunds WHERE order_id = ?',
      [order.id],
    )) as Array<{ out_refund_no: string; status: string }>;
    expect(refund.status).toBe('processing');
    expect(fake.refund(refund.out_refund_no)?.refundFen).toBe(order.payableAmount);

    // Another worker finds the job stalled (its lock expired) and runs it again.
    startWorker();
    await eventually(async () => {
      const [row] = (await api.dataSource.query('SELECT provider_refund_id FROM refunds WHERE order_id = ?', [
        order.id,
      ])) as Array<{ provider_refund_id: string | null }>;
      return row.provider_refund_id !== null;
    }, 30_000);
    await fake.completeRefund(refund.out_refund_no);
    await eventually(
      async () => (await orderOf(api, buyer.token, order.id)).refundedAmount === order.payableAmount,
    );

    const refundRequests = fake.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v3/refund/domestic/refunds',
    );
    expect(refundRequests.length).toBeGreaterThanOrEqual(2); // the killed attempt and the retry
    expect(fake.trade(order.orderNo)?.state).toBe('REFUND');
    const booked = [fake.refund(refund.out_refund_no)].filter(Boolean);
    expect(booked.map((r) => r!.refundFen)).toEqual([order.payableAmount]); // one refund, not two
    const done = await orderOf(api, buyer.token, order.id);
    expect(done.refundedAmount).toBe(order.payableAmount);
    expect(done.timeline.filter((e) => e.type === 'refund_succeeded')).toHaveLength(1);
  }, 90_000);
});
