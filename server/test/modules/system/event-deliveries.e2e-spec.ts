import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditLogEntry, FailedEventDelivery, Paged, StaffLoginResponse } from '@linli/shared-types';
import { OnOutboxEvent, OutboxService, TransactionRunner, type OutboxEvent } from '../../../src/platform';
import { OUTBOX_OPTIONS, type OutboxOptions } from '../../../src/platform/outbox/outbox-options';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, createStaffAndLogin, loginAsAdmin, seedDemo } from '../support/modules-test-kit';

const HANDLER = 'eventDeliveriesTest.accrue';
const EVENT_TYPE = 'edtest.order_paid';

/** Stands in for a commission handler whose downstream is broken until `healed`. */
@Injectable()
class BrokenHandler {
  healed = false;
  handled: string[] = [];

  @OnOutboxEvent(EVENT_TYPE, HANDLER)
  async handle(event: OutboxEvent, _manager: EntityManager): Promise<void> {
    // A long message: the list must cut it to 500 characters.
    if (!this.healed) throw new Error(`佣金服务不可用 ${'x'.repeat(800)}`);
    this.handled.push(event.id);
  }
}

@Module({ providers: [BrokenHandler] })
class BrokenHandlerModule {}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('failed event deliveries (/api/admin/system/event-deliveries)', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  let operator: StaffLoginResponse;
  let handler: BrokenHandler;
  let outbox: OutboxService;
  let eventId: string;

  const list = (token: string) =>
    t
      .http()
      .get('/api/admin/system/event-deliveries')
      .set(...bearer(token));
  const retry = (token: string, id: string, body: unknown) =>
    t
      .http()
      .post(`/api/admin/system/event-deliveries/${id}/retry`)
      .set(...bearer(token))
      .send(body as object);

  beforeAll(async () => {
    t = await createTestApp({ modules: [BrokenHandlerModule] });
    Object.assign(t.app.get<OutboxOptions>(OUTBOX_OPTIONS), {
      deliveryAttempts: 2,
      deliveryBackoffMs: 1,
    } satisfies Partial<OutboxOptions>);
    handler = t.app.get(BrokenHandler);
    outbox = t.app.get(OutboxService);
    await seedDemo(t);
    admin = await loginAsAdmin(t);
    operator = (await createStaffAndLogin(t, admin.accessToken, ['operator'])).session;

    await t.app
      .get(TransactionRunner)
      .run((manager) =>
        outbox.publish(manager, { type: EVENT_TYPE, aggregateId: '9001', payload: { orderId: 9001 } }),
      );
    await waitFor(async () => (await outbox.failedDeliveries()) === 1);
    eventId = (await outbox.listFailedDeliveries())[0].eventId;
  });
  afterAll(() => t?.close());

  it('lists the delivery that used up its attempts, with its event', async () => {
    const res = await list(admin.accessToken).expect(200);
    const page = res.body as Paged<FailedEventDelivery>;
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.items).toEqual([
      {
        eventId,
        eventType: EVENT_TYPE,
        handlerName: HANDLER,
        attempts: 2,
        lastError: expect.stringContaining('佣金服务不可用') as string,
        failedAt: expect.any(String) as string,
        eventOccurredAt: expect.any(String) as string,
        aggregateId: '9001',
      },
    ]);
    expect(Array.from(page.items[0].lastError)).toHaveLength(500);
    expect(Date.parse(page.items[0].failedAt)).toBeGreaterThanOrEqual(
      Date.parse(page.items[0].eventOccurredAt!),
    );
  });

  it('pages', async () => {
    const res = await list(admin.accessToken).query({ page: 2, pageSize: 1 }).expect(200);
    expect(res.body).toEqual({ items: [], total: 1, page: 2, pageSize: 1 });
    const bad = await list(admin.accessToken).query({ pageSize: 500 }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['pageSize']);
  });

  it('is for staff with system.manage only', async () => {
    await t.http().get('/api/admin/system/event-deliveries').expect(401);
    const listed = await list(operator.accessToken).expect(403);
    expect(listed.body.code).toBe('FORBIDDEN');
    const retried = await retry(operator.accessToken, eventId, { handlerName: HANDLER }).expect(403);
    expect(retried.body.code).toBe('FORBIDDEN');
    expect(await outbox.failedDeliveries()).toBe(1);
  });

  it('rejects an invalid body', async () => {
    const missing = await retry(admin.accessToken, eventId, {}).expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['handlerName']);
    const extra = await retry(admin.accessToken, eventId, { handlerName: HANDLER, force: true }).expect(400);
    expect(extra.body.fields.map((f: { field: string }) => f.field)).toEqual(['force']);
    const long = await retry(admin.accessToken, eventId, { handlerName: 'h'.repeat(151) }).expect(400);
    expect(long.body.fields.map((f: { field: string }) => f.field)).toEqual(['handlerName']);
    expect(await outbox.failedDeliveries()).toBe(1);
  });

  it('answers 404 OUTBOX_FAILURE_NOT_FOUND for a delivery that did not fail', async () => {
    const unknown = await retry(admin.accessToken, '00000000-0000-4000-8000-000000000000', {
      handlerName: HANDLER,
    }).expect(404);
    expect(unknown.body).toMatchObject({ code: 'OUTBOX_FAILURE_NOT_FOUND' });
    expect(unknown.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const otherHandler = await retry(admin.accessToken, eventId, { handlerName: 'someone.else' }).expect(404);
    expect(otherHandler.body.code).toBe('OUTBOX_FAILURE_NOT_FOUND');
  });

  it('retries once the cause is fixed: delivered, cleared and audited', async () => {
    handler.healed = true;
    const res = await retry(admin.accessToken, eventId, { handlerName: HANDLER }).expect(200);
    expect(res.body).toEqual({ eventId, handlerName: HANDLER, status: 'requeued', remainingFailed: 0 });

    await waitFor(() => handler.handled.includes(eventId));
    expect((await list(admin.accessToken).expect(200)).body).toMatchObject({ items: [], total: 0 });
    const health = await t.http().get('/api/health');
    expect(health.body.queue).toMatchObject({ outboxFailed: 0 });

    const audit = await t
      .http()
      .get('/api/admin/audit-logs')
      .query({ action: 'system.eventDelivery.retry' })
      .set(...bearer(admin.accessToken))
      .expect(200);
    const entries = audit.body.items as AuditLogEntry[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorType: 'staff',
      actorId: admin.staff.id,
      entityType: 'outbox_event',
      entityId: eventId,
      before: { handlerName: HANDLER, eventType: EVENT_TYPE, attempts: 2, status: 'failed' },
      after: { eventId, handlerName: HANDLER, status: 'requeued' },
    });

    // Already retried: nothing left to retry, and no second audit row.
    const again = await retry(admin.accessToken, eventId, { handlerName: HANDLER }).expect(404);
    expect(again.body.code).toBe('OUTBOX_FAILURE_NOT_FOUND');
    expect(handler.handled.filter((id) => id === eventId)).toHaveLength(1);
  });
});
