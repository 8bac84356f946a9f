import { SetMetadata } from '@nestjs/common';

export const OUTBOX_HANDLER_KEY = 'linli:outboxHandler';

export interface OutboxHandlerMeta {
  eventType: string;
  handlerName: string;
}

/**
 * Subscribes a provider method `(event: OutboxEvent, manager: EntityManager) => Promise<void>` to an
 * outbox event type. `handlerName` is its stable identity in processed_events: never rename it once
 * deployed (a new name means "not yet processed" for every past event still in flight).
 */
export function OnOutboxEvent(eventType: string, handlerName: string): MethodDecorator {
  return SetMetadata(OUTBOX_HANDLER_KEY, { eventType, handlerName } satisfies OutboxHandlerMeta);
}
