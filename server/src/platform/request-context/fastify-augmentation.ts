import type { Actor } from './actor';

// The platform sets `requestId` on every request; the identity guard sets `actor`.
declare module 'fastify' {
  interface FastifyRequest {
    requestId: string;
    actor?: Actor;
  }
}
