import { permissionsOf, type StaffProfile } from '@linli/shared-types';
import type { StaffEntity } from './persistence/staff.entity';

export function toStaffProfile(staff: StaffEntity): StaffProfile {
  return {
    id: staff.id,
    username: staff.username,
    name: staff.name,
    phone: staff.phone,
    roles: staff.roles,
    permissions: permissionsOf(staff.roles),
    status: staff.status,
    lastLoginAt: staff.lastLoginAt ? staff.lastLoginAt.toISOString() : null,
    createdAt: staff.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a staff row: the profile, never the password hash. */
export function staffAuditSnapshot(staff: StaffEntity): Record<string, unknown> {
  return {
    id: staff.id,
    username: staff.username,
    name: staff.name,
    phone: staff.phone,
    roles: [...staff.roles],
    status: staff.status,
  };
}
