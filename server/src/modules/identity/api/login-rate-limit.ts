import type { FastifyRequest } from 'fastify';

/**
 * Stricter per-IP limit for credential endpoints (the global limit is RATE_LIMIT_PER_MINUTE), read by
 * @fastify/rate-limit from the route config. The number is LOGIN_RATE_LIMIT_PER_MINUTE (default 10).
 */
export const LOGIN_RATE_LIMIT = {
  rateLimit: {
    max: (request: FastifyRequest): number => request.server.loginRateLimitPerMinute,
    timeWindow: '1 minute',
  },
} as const;
