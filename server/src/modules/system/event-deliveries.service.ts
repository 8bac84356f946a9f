import { Injectable } from '@nestjs/common';
import type {
  FailedEventDelivery,
  Paged,
  PageQuery,
  Permission,
  RetryEventDeliveryResponse,
} from '@linli/shared-types';
import {
  type FailedDelivery,
  ForbiddenError,
  NotFoundError,
  OutboxService,
  RequestContext,
  requireStaff,
} from '../../platform';
import { AuditService } from '../audit';
import { errorExcerpt } from './domain/error-excerpt';

const DEFAULT_PAGE_SIZE = 20;
const MANAGE: Permission = 'system.manage';

/** Failed outbox deliveries for the operator: list them, and retry one once its cause is fixed. */
@Injectable()
export class EventDeliveriesService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Newest failure first. Needs `system.manage`. */
  async listFailed(ctx: RequestContext, query: PageQuery): Promise<Paged<FailedEventDelivery>> {
    assertCanManage(ctx);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.outbox.pageFailedDeliveries((page - 1) * pageSize, pageSize);
    return { items: items.map(toView), total, page, pageSize };
  }

  /** Gives one failed delivery a fresh set of attempts. Needs `system.manage`; audited with the retry. */
  async retry(
    ctx: RequestContext,
    eventId: string,
    handlerName: string,
  ): Promise<RetryEventDeliveryResponse> {
    assertCanManage(ctx);
    const revived = await this.outbox.retryFailedDelivery(eventId, handlerName, (manager, failure) =>
      this.audit.record(manager, ctx, {
        action: 'system.eventDelivery.retry',
        entityType: 'outbox_event',
        entityId: eventId,
        before: { ...toView(failure), status: 'failed' },
        after: { eventId, handlerName, status: 'requeued' },
      }),
    );
    // `false` as well when another operator retried it a moment ago.
    if (!revived) {
      throw new NotFoundError('OUTBOX_FAILURE_NOT_FOUND', '没有找到这条失败的事件投递，可能已被重试');
    }
    return {
      eventId,
      handlerName,
      status: 'requeued',
      remainingFailed: await this.outbox.failedDeliveries(),
    };
  }
}

function toView(failure: FailedDelivery): FailedEventDelivery {
  return {
    eventId: failure.eventId,
    eventType: failure.eventType,
    handlerName: failure.handlerName,
    attempts: failure.attempts,
    lastError: errorExcerpt(failure.lastError),
    failedAt: failure.failedAt.toISOString(),
    eventOccurredAt: failure.eventOccurredAt?.toISOString() ?? null,
    aggregateId: failure.aggregateId,
  };
}

function assertCanManage(ctx: RequestContext): void {
  if (!requireStaff(ctx).permissions.includes(MANAGE)) throw new ForbiddenError();
}
