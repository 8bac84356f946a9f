import { Injectable, Module } from '@nestjs/common';
import { OnOutboxEvent, OutboxService, TransactionRunner } from '../../src/platform';
import { OUTBOX_OPTIONS, type OutboxOptions } from '../../src/platform/outbox/outbox-options';
import { bearer } from '../modules/support/modules-test-kit';
import { adminCallersWithout, createAuthzWorld, itRefuses, withToken, type AuthzWorld } from './authz-kit';
import { describeRoute } from './describe-route';

const HANDLER = 'authzTest.alwaysFails';
const EVENT_TYPE = 'authztest.something_happened';

/** A handler that fails until healed, so a delivery ends up in outbox_failures. */
@Injectable()
class FailingHandler {
  healed = false;

  @OnOutboxEvent(EVENT_TYPE, HANDLER)
  async handle(): Promise<void> {
    if (!this.healed) throw new Error('下游不可用');
  }
}

@Module({ providers: [FailingHandler] })
class FailingHandlerModule {}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Operations: retrying a failed event delivery needs system.manage (admin only). */
describe('authorization: system operations', () => {
  let w: AuthzWorld;
  const world = () => w;
  let eventId: string;

  beforeAll(async () => {
    w = await createAuthzWorld({ modules: [FailingHandlerModule] });
    Object.assign(w.t.app.get<OutboxOptions>(OUTBOX_OPTIONS), {
      deliveryAttempts: 2,
      deliveryBackoffMs: 1,
    } satisfies Partial<OutboxOptions>);
    const outbox = w.t.app.get(OutboxService);
    await w.t.app
      .get(TransactionRunner)
      .run((m) => outbox.publish(m, { type: EVENT_TYPE, aggregateId: '1', payload: {} }));
    await waitFor(async () => (await outbox.failedDeliveries()) === 1);
    eventId = (await outbox.listFailedDeliveries())[0].eventId;
  });
  afterAll(() => w?.t.close());

  describeRoute('POST /api/admin/system/event-deliveries/:eventId/retry', () => {
    // Every non-admin role holds system.read but not system.manage: all four are refused.
    itRefuses(world, adminCallersWithout('system.manage'), (_w, token) =>
      withToken(w.t.http().post(`/api/admin/system/event-deliveries/${eventId}/retry`), token).send({
        handlerName: HANDLER,
      }),
    );

    it('the failure is still listed after every refusal', async () => {
      expect(await w.t.app.get(OutboxService).failedDeliveries()).toBe(1);
    });

    it('control: the admin retries it', async () => {
      w.t.app.get(FailingHandler).healed = true;
      await w.t
        .http()
        .post(`/api/admin/system/event-deliveries/${eventId}/retry`)
        .set(...bearer(w.adminToken))
        .send({ handlerName: HANDLER })
        .expect(200);
    });
  });
});
