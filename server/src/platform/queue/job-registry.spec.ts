import { Injectable, Logger, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { defineJob, JobHandler } from './job-handler.decorator';
import type { JobName } from './job-queue';
import { JobRegistry } from './job-registry';

Logger.overrideLogger(false);

// Names only this spec uses (jest gives each spec file its own module registry, so the declared
// names do not leak into other suites).
const HANDLED = 'registry-spec.handled' as JobName;
const ORPHAN = 'registry-spec.orphan' as JobName;

@Injectable()
class HandledJob {
  readonly seen: unknown[] = [];

  @JobHandler(HANDLED)
  async run(data: unknown): Promise<void> {
    this.seen.push(data);
  }
}

@Injectable()
class DuplicateHandledJob {
  @JobHandler(HANDLED)
  async run(): Promise<void> {}
}

async function boot(...providers: Array<new (...args: never[]) => unknown>) {
  @Module({ imports: [DiscoveryModule], providers: [JobRegistry, ...providers] })
  class RegistryTestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [RegistryTestModule] }).compile();
  return moduleRef.init();
}

describe('JobRegistry at start-up', () => {
  it('boots and dispatches when every declared job has a handler', async () => {
    defineJob(HANDLED);
    const app = await boot(HandledJob);
    await app.get(JobRegistry).dispatch(HANDLED, { n: 1 });
    expect(app.get(HandledJob).seen).toEqual([{ n: 1 }]);
    await app.close();
  });

  it('refuses to start, naming the job, when a defineJob name has no @JobHandler', async () => {
    defineJob(ORPHAN);
    await expect(boot(HandledJob)).rejects.toThrow(/"registry-spec\.orphan".*没有 @JobHandler/);
  });

  it('refuses to start, naming the job, when two handlers claim one name', async () => {
    await expect(boot(HandledJob, DuplicateHandledJob)).rejects.toThrow(
      /"registry-spec\.handled".*多个 @JobHandler/,
    );
  });
});
