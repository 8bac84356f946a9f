import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { findDecoratedMethods } from '../discovery/decorated-methods';
import { declaredJobNames, JOB_HANDLER_KEY } from './job-handler.decorator';

export type JobHandlerFn = (data: unknown) => Promise<void>;

/** Finds every @JobHandler at start-up and refuses to start when a declared job has none. */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly logger = new Logger(JobRegistry.name);
  private readonly handlers = new Map<string, JobHandlerFn>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const found = findDecoratedMethods<string>(this.discovery, this.scanner, this.reflector, JOB_HANDLER_KEY);
    for (const { meta: jobName, owner, invoke } of found) {
      if (this.handlers.has(jobName)) {
        throw new Error(`任务 "${jobName}" 有多个 @JobHandler (其一: ${owner}); 每个任务只能有一个处理器`);
      }
      this.handlers.set(jobName, async (data) => {
        await invoke(data);
      });
    }
    this.assertDeclaredJobsHandled(declaredJobNames());
    this.logger.log(`job handlers: ${[...this.handlers.keys()].sort().join(', ') || '(none)'}`);
  }

  assertDeclaredJobsHandled(names: readonly string[]): void {
    const missing = names.filter((name) => !this.handlers.has(name));
    if (missing.length > 0) {
      throw new Error(`启动失败: 任务 ${missing.map((n) => `"${n}"`).join(', ')} 没有 @JobHandler 处理器`);
    }
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  /** Used by the adapters when a job is taken off the queue. */
  async dispatch(name: string, data: unknown): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`任务 "${name}" 没有 @JobHandler 处理器`);
    await handler(data);
  }
}
