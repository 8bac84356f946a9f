import './fastify-augmentation';
import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@linli/shared-types';
import { ForbiddenError, UnauthenticatedError } from '../errors/business-error';
import type { Actor, MemberActor, StaffActor } from './actor';

/** Who acts, for which request; every service method acting for someone takes it first. */
export interface RequestContext {
  requestId: string;
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
}

/** Context for work nobody asked for over HTTP: jobs, outbox handlers, seeds. */
export function systemContext(name: string): RequestContext {
  return { requestId: `sys-${randomUUID()}`, actor: { type: 'system', name }, ip: null, userAgent: null };
}

export function requestContextOf(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    requestId: request.requestId,
    actor: request.actor ?? { type: 'anonymous' },
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 255) : null,
  };
}

/** Controller parameter decorator: `@Ctx() ctx: RequestContext`. */
export const Ctx: () => ParameterDecorator = createParamDecorator(
  (_data: unknown, execution: ExecutionContext): RequestContext =>
    requestContextOf(execution.switchToHttp().getRequest<FastifyRequest>()),
);

export function requireStaff(ctx: RequestContext): StaffActor {
  if (ctx.actor.type !== 'staff') throw new UnauthenticatedError();
  return ctx.actor;
}

/**
 * Services check the permission again although the guard did (so no caller can forget). System work
 * (seeds, jobs) may do anything: it returns null for it, the staff member otherwise.
 */
export function requirePermission(ctx: RequestContext, permission: Permission): StaffActor | null {
  if (ctx.actor.type === 'system') return null;
  const staff = requireStaff(ctx);
  if (!staff.permissions.includes(permission)) throw new ForbiddenError();
  return staff;
}

export function requireMember(ctx: RequestContext): MemberActor {
  if (ctx.actor.type !== 'member') throw new UnauthenticatedError();
  return ctx.actor;
}
