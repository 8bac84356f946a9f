import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startupBanner } from './platform/bootstrap/banner';
import { createHttpApp, createWorkerContext } from './platform/bootstrap/create-app';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/app-config';
import { runStartupSeed, type StartupSeedResult } from './seed';

const SHUTDOWN_TIMEOUT_MS = 25_000;

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  if (config.processRole === 'worker') {
    const worker = await createWorkerContext(config);
    handleSignals(worker, null);
    process.stdout.write(
      `\n  Linli worker v${config.version} 已启动, 正在处理队列 (prefix ${config.queuePrefix})\n\n`,
    );
    return;
  }
  const app = await createHttpApp(config, { serveStatic: true });
  handleSignals(app, app);
  const seedResult = await runStartupSeed(app, config);
  await app.listen({ port: config.port, host: config.host });
  printBanner(config, seedResult);
}

function printBanner(config: AppConfig, seedResult: StartupSeedResult): void {
  process.stdout.write(startupBanner(config, seedResult));
}

/** SIGTERM/SIGINT: stop taking HTTP requests, then drain the queue and close the database (Nest hooks). */
function handleSignals(context: INestApplicationContext, http: NestFastifyApplication | null): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`收到 ${signal}, 正在关闭…\n`);
    const force = setTimeout(() => {
      process.stderr.write('关闭超时, 强制退出\n');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    const stopHttp = http ? http.getHttpAdapter().close() : Promise.resolve();
    Promise.resolve(stopHttp)
      .then(() => context.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`关闭失败: ${(error as Error).stack ?? String(error)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  // A configuration error is the operator's to fix: one clear line, no stack.
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`启动失败: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
