import type { Permission } from '@linli/shared-types';
import { ForbiddenError, RequestContext, requireStaff } from '../../platform';

/** Staff need the permission; system work (seeds, jobs) may act. */
export function requireMembersPermission(
  ctx: RequestContext,
  permission: Extract<Permission, 'members.read' | 'members.write'>,
): void {
  if (ctx.actor.type === 'system') return;
  const staff = requireStaff(ctx);
  if (!staff.permissions.includes(permission)) throw new ForbiddenError();
}

/** The acting staff member's id, or null for system work. */
export function staffIdOf(ctx: RequestContext): number | null {
  return ctx.actor.type === 'staff' ? ctx.actor.staffId : null;
}
