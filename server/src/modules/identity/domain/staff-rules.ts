import { StaffRole, StaffStatus } from '@linli/shared-types';

export interface StaffState {
  id: number;
  roles: readonly StaffRole[];
  status: StaffStatus;
}

export type StaffRuleViolation =
  { code: 'STAFF_CANNOT_DISABLE_SELF'; message: string } | { code: 'STAFF_LAST_ADMIN'; message: string };

export function isActiveAdmin(staff: Pick<StaffState, 'roles' | 'status'>): boolean {
  return staff.status === StaffStatus.ACTIVE && staff.roles.includes(StaffRole.ADMIN);
}

/**
 * Checks a change of a staff member's roles or status against the rules that keep the back office
 * manageable: nobody disables themselves, and the last active admin is never disabled or demoted.
 * `activeAdminIds` are the ids of all currently active admins (read under a lock by the caller).
 */
export function checkStaffChange(input: {
  actorId: number | null;
  target: StaffState;
  change: { roles?: readonly StaffRole[]; status?: StaffStatus };
  activeAdminIds: readonly number[];
}): StaffRuleViolation | null {
  const { actorId, target, change, activeAdminIds } = input;
  const next = { roles: change.roles ?? target.roles, status: change.status ?? target.status };
  if (
    change.status === StaffStatus.DISABLED &&
    target.status !== StaffStatus.DISABLED &&
    actorId === target.id
  ) {
    return { code: 'STAFF_CANNOT_DISABLE_SELF', message: '不能停用自己的账号' };
  }
  if (isActiveAdmin(target) && !isActiveAdmin(next)) {
    const othersLeft = activeAdminIds.filter((id) => id !== target.id).length;
    if (othersLeft === 0) {
      return { code: 'STAFF_LAST_ADMIN', message: '至少需要保留一名启用状态的管理员' };
    }
  }
  return null;
}

/** Roles without duplicates, in the canonical order of `StaffRole`. */
export function normaliseRoles(roles: readonly StaffRole[]): StaffRole[] {
  return (Object.values(StaffRole) as StaffRole[]).filter((r) => roles.includes(r));
}
