import type {
  FailedEventDelivery,
  Paged,
  PageQuery,
  RetryEventDeliveryRequest,
  RetryEventDeliveryResponse,
} from '@linli/shared-types';
import { ErrorCode } from '@linli/shared-types';
import { api, isApiError } from '../../../api';

export const EVENT_DELIVERIES_PATH = '/system/event-deliveries';

export const eventDeliveryKeys = {
  all: ['event-deliveries'] as const,
  list: (query: PageQuery) => ['event-deliveries', 'list', query] as const,
};

export function fetchFailedDeliveries(query: PageQuery): Promise<Paged<FailedEventDelivery>> {
  return api.get<Paged<FailedEventDelivery>>('/api/admin/system/event-deliveries', { ...query });
}

export function retryDelivery(row: FailedEventDelivery): Promise<RetryEventDeliveryResponse> {
  const body: RetryEventDeliveryRequest = { handlerName: row.handlerName };
  return api.post<RetryEventDeliveryResponse>(
    `/api/admin/system/event-deliveries/${encodeURIComponent(row.eventId)}/retry`,
    body,
  );
}

/** One event can fail in several handlers: a row is the (event, handler) pair. */
export function deliveryKey(row: Pick<FailedEventDelivery, 'eventId' | 'handlerName'>): string {
  return `${row.eventId}|${row.handlerName}`;
}

/**
 * The line of a recorded error that says what went wrong, without the stack trace below it
 * (`Error: 佣金服务不可用` out of `Error: 佣金服务不可用\n    at …`).
 */
export function errorHeadline(lastError: string): string {
  const lines = lastError.split(/\r?\n/);
  const headline = lines.find((line) => line.trim() !== '' && !/^\s*at\s/.test(line)) ?? '';
  return headline.trim() || '（无错误信息）';
}

/** Someone else retried it a moment ago (or it healed): not an error to the operator, the list is just stale. */
export function isAlreadyRetried(error: unknown): boolean {
  return isApiError(error) && error.code === ErrorCode.OUTBOX_FAILURE_NOT_FOUND;
}
