import type { IsoDateTime } from './common';

export type ComponentStatus = 'up' | 'down' | 'not_configured';

/** GET /api/health. HTTP 200 when status is `ok`, 503 when `down`. */
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
    error?: string;
  };
  redis: { status: ComponentStatus; latencyMs?: number; error?: string };
  queue: {
    status: ComponentStatus;
    adapter: 'in-process' | 'bull';
    /** Jobs waiting or delayed, where the adapter can tell. */
    waiting?: number;
    failed?: number;
    /** Outbox events written but not yet relayed to the queue. */
    outboxPending?: number;
    error?: string;
  };
}
