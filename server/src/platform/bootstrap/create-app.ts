import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from '../../app.module';
import type { AppConfig } from '../config/app-config';
import { configureHttp } from '../http/configure-http';
import { createFastifyAdapter } from '../http/fastify-adapter';
import { serveFrontends } from '../static/serve-frontends';
import { serveUploads } from '../storage/serve-uploads';

type ExtraModules = Array<Type<unknown> | DynamicModule>;

/** The HTTP application (roles `all` and `api`), initialised but not listening yet. */
export async function createHttpApp(
  config: AppConfig,
  options: { extraModules?: ExtraModules; serveStatic?: boolean } = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options.extraModules),
    createFastifyAdapter(config),
    // rawBody: WeChat Pay notifications are verified over the exact bytes received.
    { bufferLogs: true, abortOnError: false, rawBody: true },
  );
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();
  await configureHttp(app, config);
  await serveUploads(app, config);
  if (options.serveStatic && config.staticRoot) await serveFrontends(app, config.staticRoot);
  await app.init();
  return app;
}

/** The worker (role `worker`): the same modules and queue consumers, no HTTP server. */
export async function createWorkerContext(config: AppConfig): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  context.useLogger(context.get(PinoLogger));
  context.flushLogs();
  await context.init();
  return context;
}
