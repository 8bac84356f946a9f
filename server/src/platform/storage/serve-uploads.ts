import { mkdirSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';
import { UPLOADS_URL_PREFIX } from './local-disk-storage';
import { isStorageKey } from './storage-key';

/** A year: keys are random and never rewritten, so a URL's content never changes. */
const ONE_YEAR_SECONDS = 31_536_000;

/**
 * Publishes the local upload directory at /uploads/<key> (not under /api: images are plain public
 * files). Only names shaped like our keys are served; no listing, no index, no dotfiles.
 */
export async function serveUploads(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  if (config.uploads.storage !== 'local') return;
  mkdirSync(config.uploads.dir, { recursive: true });
  // Loaded lazily like in serve-frontends: its ESM-only dependencies are needed only here.
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, {
    root: config.uploads.dir,
    prefix: UPLOADS_URL_PREFIX,
    // serve-frontends (and Swagger UI) register the plugin too; only one may decorate the reply.
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    allowedPath: (pathName) => isStorageKey(pathName.replace(/^\//, '')),
    cacheControl: false,
    setHeaders: (reply) => {
      void reply.header('Cache-Control', `public, max-age=${ONE_YEAR_SECONDS}, immutable`);
      void reply.header('X-Content-Type-Options', 'nosniff');
      // Helmet's default (same-origin) would block the images for a front end on another origin.
      void reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
    },
  });
}
