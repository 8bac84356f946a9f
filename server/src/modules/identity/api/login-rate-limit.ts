/**
 * Stricter per-IP limit for credential endpoints (the global limit is RATE_LIMIT_PER_MINUTE), read by
 * @fastify/rate-limit from the route config.
 */
export const LOGIN_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } } as const;
