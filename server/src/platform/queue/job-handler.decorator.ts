import { SetMetadata } from '@nestjs/common';
import type { JobName } from './job-queue';

export const JOB_HANDLER_KEY = 'linli:jobHandler';

/** Marks a provider method `(data) => Promise<void>` as the handler of a job. One handler per job name. */
export function JobHandler(name: JobName): MethodDecorator {
  return SetMetadata(JOB_HANDLER_KEY, name);
}

const declaredJobs = new Set<string>();

/**
 * Declares that a job name must have a handler. Call it at module load (next to the payload type);
 * start-up fails naming the job when no @JobHandler handles it. Returns the name for convenience.
 */
export function defineJob<N extends JobName>(name: N): N {
  declaredJobs.add(name);
  return name;
}

export function declaredJobNames(): string[] {
  return [...declaredJobs];
}
