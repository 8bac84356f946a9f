/** What an @OnOutboxEvent handler receives. */
export interface OutboxEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  type: string;
  aggregateId: string | null;
  payload: P;
  occurredAt: Date;
}

export interface NewOutboxEvent {
  type: string;
  payload: Record<string, unknown>;
  aggregateId?: string;
}
