import type { Permission, StaffRole } from '@linli/shared-types';

/** Who is acting. Set on the request by the identity guard; `system` for jobs and seeds. */
export type Actor =
  | { type: 'staff'; staffId: number; name: string; roles: StaffRole[]; permissions: Permission[] }
  | { type: 'member'; memberId: number }
  | { type: 'system'; name: string }
  | { type: 'anonymous' };

export type StaffActor = Extract<Actor, { type: 'staff' }>;
export type MemberActor = Extract<Actor, { type: 'member' }>;
