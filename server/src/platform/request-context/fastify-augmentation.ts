import type { Actor } from './actor';

// The platform sets `requestId` on every request; the identity guard sets `actor`. The login rate limit is
// decorated on the instance so each app (tests build several per process) has its own.
declare module 'fastify' {
  interface FastifyInstance {
    /** LOGIN_RATE_LIMIT_PER_MINUTE, read by the credential routes' rate-limit config. */
    loginRateLimitPerMinute: number;
  }
  interface FastifyRequest {
    requestId: string;
    actor?: Actor;
  }
}
