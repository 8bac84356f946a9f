import type { Permission } from '@linli/shared-types';
import { ForbiddenError, RequestContext, requireStaff } from '../../platform';

/**
 * The guard already checks route permissions; services check again so no caller can forget. The system
 * (jobs, seed) may do anything; it returns null for it.
 */
export function requireLeaderPermission(
  ctx: RequestContext,
  permission: Extract<Permission, 'leaders.read' | 'leaders.write'>,
): { staffId: number; name: string } | null {
  if (ctx.actor.type === 'system') return null;
  const staff = requireStaff(ctx);
  if (!staff.permissions.includes(permission)) throw new ForbiddenError();
  return { staffId: staff.staffId, name: staff.name };
}
