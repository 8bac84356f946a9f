import { createHash } from 'node:crypto';
import Redis from 'ioredis';

/**
 * A Lua script sent by SHA: one round trip in the common case. Redis answers NOSCRIPT only when its
 * script cache is empty (restart, failover, SCRIPT FLUSH); then the source goes once with EVAL, which
 * also caches it. Same idea as ioredis `defineCommand`, without untyped dynamic methods.
 */
export class LuaScript {
  readonly sha: string;

  constructor(
    readonly name: string,
    readonly source: string,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return await redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
