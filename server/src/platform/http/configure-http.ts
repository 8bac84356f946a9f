import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import '../request-context/fastify-augmentation';
import { setupOpenApi } from './openapi';

export const API_PREFIX = 'api';

/**
 * Everything HTTP that sits in front of the controllers. Must run before `app.init()`: the
 * rate-limit plugin reads each route's config (`@RouteConfig({ rateLimit })`) as routes are added.
 */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  fastify.addHook('onRequest', async (request, reply) => {
    request.requestId = String(request.id);
    // pino-http (nestjs-pino) reads the id from the raw request, so log lines and header agree.
    (request.raw as typeof request.raw & { id?: string }).id = request.requestId;
    void reply.header('X-Request-Id', request.requestId);
  });

  // Errors raised by Fastify itself (body too large, malformed JSON, rate limit) reach Nest's global
  // exception filter through the error handler Nest installs at init, so one mapping serves both.

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and Taro H5 inject styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        // blob:: Taro H5's uploadFile reads the chosen image (a blob: URL of this page) with XHR first.
        connectSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Off: on plain http (LAN, localhost demo) it would break every asset request.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // 180 days, this host only: an operator's other subdomains may not serve HTTPS.
    hsts: { maxAge: 15_552_000, includeSubDomains: false },
  });

  app.enableCors({
    // Empty list: same-origin only (the front ends are served from this server).
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });

  // Commands wait for the first connection (no silent skip at start-up) but never hang a request.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 })
    : null;
  if (redis) fastify.addHook('onClose', async () => void (await redis.quit()));
  fastify.decorate('loginRateLimitPerMinute', config.loginRateLimitPerMinute);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    redis: redis ?? undefined,
    nameSpace: `${config.queuePrefix}:rate-limit:`,
    // A Redis hiccup must not take the API down with it.
    skipOnError: true,
    errorResponseBuilder: (request, context) =>
      Object.assign(new Error('rate limited'), {
        statusCode: context.statusCode,
        requestId: request.requestId,
      }),
  });

  // multipart/form-data for the upload endpoints only: it has its own limits (the JSON body limit
  // above does not apply to it); a larger file fails with 413 when the handler reads it.
  await app.register(multipart, {
    limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
  });
  // Every other route keeps answering 415 to multipart, as before the plugin was there.
  fastify.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config as { acceptsMultipart?: boolean } | undefined;
    if (request.isMultipart() && !config?.acceptsMultipart) {
      throw Object.assign(new Error('multipart not accepted here'), { statusCode: 415 });
    }
  });

  app.setGlobalPrefix(API_PREFIX);
  setupOpenApi(app, config);
}
