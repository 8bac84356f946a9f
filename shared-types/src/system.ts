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
