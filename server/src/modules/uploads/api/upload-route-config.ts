import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Uploads per minute per caller (on top of the global per-IP limit). */
export const UPLOADS_PER_MINUTE = 30;

/**
 * Route config of the upload endpoints. The rate limit is keyed by the caller's access token: rate
 * limits run before the auth guard, so the member id is not known yet; a hash of the token stands for it
 * and cannot be spoofed into someone else's budget. Without a token, by IP.
 */
export const UPLOAD_ROUTE_CONFIG = {
  /** Lets multipart/form-data through (see configure-http.ts: other routes answer 415). */
  acceptsMultipart: true,
  rateLimit: {
    max: UPLOADS_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest): string => {
      const authorization = request.headers.authorization;
      return authorization
        ? `upload:${createHash('sha256').update(authorization).digest('hex').slice(0, 32)}`
        : `upload-ip:${request.ip}`;
    },
  },
} as const;
