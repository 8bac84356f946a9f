import { Inject, Injectable, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, RouteOptions } from 'fastify';

/** `METHOD /path` exactly as Fastify registered it, e.g. `POST /api/admin/staff/:id/disable`. */
export type RouteName = string;

/** Methods Fastify adds by itself (HEAD for every GET) or that carry no business action. */
const IGNORED_METHODS = new Set(['HEAD', 'OPTIONS']);

/**
 * Records every route the HTTP server registers. Nest instantiates providers (with the HTTP adapter
 * already set) before `app.init()` registers the controllers' routes, so a Fastify `onRoute` hook
 * added in this constructor sees all of them — Nest controllers and plain Fastify plugins alike.
 */
@Injectable()
export class RouteCollector {
  readonly routes = new Set<RouteName>();

  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost) {
    const fastify = host.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (!IGNORED_METHODS.has(method)) this.routes.add(`${method} ${route.url}`);
      }
    });
  }
}

@Module({ providers: [RouteCollector] })
export class RouteCollectorModule {}

/** A route whose path names a resource by id (`:id`, `:eventId`, …). */
export function takesId(route: RouteName): boolean {
  return /\/:[A-Za-z]/.test(route);
}
