import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';
import { requestIdFor } from './request-id';

/** Fastify with our body limit and request ids; logging is pino through nestjs-pino, not Fastify's. */
export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestIdFor,
    logger: false,
    // Fastify would otherwise treat a request id header itself; our genReqId validates it.
    requestIdHeader: false,
    // So request.ip is the real client behind a reverse proxy (rate limits, audit log).
    trustProxy: config.trustProxy,
  });
}
