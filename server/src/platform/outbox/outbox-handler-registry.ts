import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { findDecoratedMethods } from '../discovery/decorated-methods';
import { OUTBOX_HANDLER_KEY, type OutboxHandlerMeta } from './event-handler';
import type { OutboxEvent } from './outbox-event';

export type OutboxHandlerFn = (event: OutboxEvent, manager: EntityManager) => Promise<void>;

interface RegisteredHandler extends OutboxHandlerMeta {
  run: OutboxHandlerFn;
}

/** Discovers @OnOutboxEvent methods; handler names are unique across the app. */
@Injectable()
export class OutboxHandlerRegistry implements OnModuleInit {
  private readonly byName = new Map<string, RegisteredHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = findDecoratedMethods<OutboxHandlerMeta>(
      this.discovery,
      this.scanner,
      this.reflector,
      OUTBOX_HANDLER_KEY,
    );
    for (const { meta, invoke } of found) {
      this.register(meta, async (event, manager) => {
        await invoke(event, manager);
      });
    }
  }

  register(meta: OutboxHandlerMeta, run: OutboxHandlerFn): void {
    if (this.byName.has(meta.handlerName)) {
      throw new Error(`@OnOutboxEvent 处理器名称 "${meta.handlerName}" 重复; 每个处理器必须有唯一名称`);
    }
    this.byName.set(meta.handlerName, { ...meta, run });
  }

  handlerNamesFor(eventType: string): string[] {
    return [...this.byName.values()].filter((h) => h.eventType === eventType).map((h) => h.handlerName);
  }

  get(handlerName: string): RegisteredHandler | undefined {
    return this.byName.get(handlerName);
  }
}
