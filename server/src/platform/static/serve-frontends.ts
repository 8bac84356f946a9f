import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface FrontendMount {
  /** URL prefix without trailing slash, e.g. `/admin`. */
  prefix: string;
  /** Directory with index.html. */
  root: string;
  label: string;
  buildCommand: string;
}

export function frontendMounts(staticRoot: string): FrontendMount[] {
  return [
    {
      prefix: '/admin',
      root: join(staticRoot, 'admin-web', 'dist'),
      label: '管理后台',
      buildCommand: 'npm run build -w @linli/admin-web',
    },
    {
      prefix: '/h5',
      root: join(staticRoot, 'miniapp', 'dist', 'h5'),
      label: '小程序 H5',
      buildCommand: 'npm run build:h5 -w @linli/miniapp',
    },
  ];
}

export function isBuilt(mount: FrontendMount): boolean {
  return existsSync(join(mount.root, 'index.html'));
}

/**
 * Serves the built front ends with SPA fallback: a path that is a file is sent as is, a path that
 * looks like an asset but is missing is a 404, anything else gets index.html (client-side routes).
 */
export async function serveFrontends(app: NestFastifyApplication, staticRoot: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const logger = new Logger('Static');
  // Loaded lazily: its ESM-only dependencies are needed only when a server really serves files.
  const { default: fastifyStatic } = await import('@fastify/static');
  await app.register(fastifyStatic, { root: staticRoot, serve: false });

  for (const mount of frontendMounts(staticRoot)) {
    if (!isBuilt(mount)) {
      logger.warn(`${mount.label} 尚未构建 (${mount.root}); 运行 ${mount.buildCommand}`);
    }
    fastify.get(mount.prefix, (_request, reply) => reply.redirect(`${mount.prefix}/`, 302));
    fastify.get(`${mount.prefix}/*`, (request, reply) => sendFrontendFile(mount, request, reply));
  }
  fastify.get('/', (_request, reply) => reply.redirect('/admin/', 302));
}

function sendFrontendFile(mount: FrontendMount, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (!isBuilt(mount)) {
    return reply
      .status(503)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(notBuiltPage(mount));
  }
  const wildcard = (request.params as { '*': string })['*'] ?? '';
  const relative = normalize(decodeURIComponent(wildcard.split('?')[0] ?? '')).replace(
    /^(\.\.(\/|\\|$))+/,
    '',
  );
  const absolute = resolve(mount.root, relative);
  const insideRoot = absolute === mount.root || absolute.startsWith(mount.root + sep);
  if (insideRoot && relative && existsSync(absolute) && statSync(absolute).isFile()) {
    // Vite/Taro emit content-hashed asset names, so they can be cached forever.
    const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|jpe?g|svg|webp|gif)$/.test(relative);
    return reply
      .header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
      .sendFile(relative, mount.root);
  }
  if (extname(relative)) {
    return reply.status(404).type('text/plain; charset=utf-8').send('Not Found');
  }
  return reply.header('Cache-Control', 'no-cache').sendFile('index.html', mount.root);
}

function notBuiltPage(mount: FrontendMount): string {
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${mount.label}尚未构建</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto">
<h1>${mount.label}尚未构建</h1>
<p>在仓库根目录运行 <code>${mount.buildCommand}</code> (或 <code>npm start</code>, 它会先构建缺少的部分), 然后刷新本页。</p>
<p>API 文档: <a href="/api/docs">/api/docs</a> · 健康检查: <a href="/api/health">/api/health</a></p>
</body></html>`;
}
