import { STAFF_ROLE_LABELS, type StaffRole } from '@linli/shared-types';

export const ROLE_COLORS: Record<StaffRole, string> = {
  admin: 'volcano',
  operator: 'blue',
  finance: 'gold',
  warehouse: 'green',
  service: 'purple',
};

export function roleLabel(role: StaffRole): string {
  return STAFF_ROLE_LABELS[role] ?? role;
}
