import type { IsoDateTime } from './common';

export type ComponentStatus = 'up' | 'down' | 'not_configured';

/**
 * GET /api/health (public). HTTP 200 when status is `ok` or `degraded`, 503 when `down`. It reports
 * states and figures only; error details (hosts, users) go to the server log, never to this response.
 */
export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  version: string;
  /** `embedded` (SQLite + in-process queue) or `services` (MySQL + Redis/Bull). */
  mode: 'embedded' | 'services';
  uptimeSeconds: number;
  time: IsoDateTime;
  database: {
    status: ComponentStatus;
    driver: 'better-sqlite3' | 'mysql';
    latencyMs?: number;
  };
  redis: { status: ComponentStatus; latencyMs?: number };
  queue: {
    status: ComponentStatus;
    adapter: 'in-process' | 'bull';
    /** Jobs waiting or delayed, where the adapter can tell. */
    waiting?: number;
    failed?: number;
    /** Outbox events written but not yet relayed to the queue. */
    outboxPending?: number;
    /** Event deliveries that used up their retries and wait for an operator (see docs/operations.md). */
    outboxFailed?: number;
  };
}

/**
 * One event delivery that used up its retries (GET /api/admin/system/event-deliveries, needs
 * `system.manage`). A follow-up step of a business write (commission, a notification…) failed every
 * time; nothing retries it until an operator fixes the cause and asks for a retry.
 */
export interface FailedEventDelivery {
  eventId: string;
  /** `orders.paid` etc.; null only if the event row itself is gone. */
  eventType: string | null;
  /** The subscriber that failed, e.g. `commission.accrueOnPaid`. */
  handlerName: string;
  attempts: number;
  /** The last error, cut to 500 characters. */
  lastError: string;
  failedAt: IsoDateTime;
  eventOccurredAt: IsoDateTime | null;
  /** What the event is about (an order id…), when the publisher said. */
  aggregateId: string | null;
}

/** POST /api/admin/system/event-deliveries/:eventId/retry */
export interface RetryEventDeliveryRequest {
  handlerName: string;
}

/** The retried delivery is queued again with a fresh set of attempts. */
export interface RetryEventDeliveryResponse {
  eventId: string;
  handlerName: string;
  status: 'requeued';
  /** Failed deliveries still waiting for an operator after this retry. */
  remainingFailed: number;
}
