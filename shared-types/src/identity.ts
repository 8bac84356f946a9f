import type { IsoDateTime } from './common';

/** Staff roles (员工角色). Each is a fixed set of permissions, see `ROLE_PERMISSIONS`. */
export const StaffRole = {
  ADMIN: 'admin',
  OPERATOR: 'operator',
  FINANCE: 'finance',
  WAREHOUSE: 'warehouse',
  SERVICE: 'service',
} as const;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: '管理员',
  operator: '运营',
  finance: '财务',
  warehouse: '仓库',
  service: '客服',
};

/** Permissions, `<area>.<action>`. Menus and buttons in admin-web and guards on the server use them. */
export const Permission = {
  STAFF_READ: 'staff.read',
  STAFF_WRITE: 'staff.write',
  AUDIT_READ: 'audit.read',
  SYSTEM_READ: 'system.read',
  /** Operations: see and retry failed event deliveries. Admin only (via ALL_PERMISSIONS). */
  SYSTEM_MANAGE: 'system.manage',
  MEMBERS_READ: 'members.read',
  MEMBERS_WRITE: 'members.write',
  LEADERS_READ: 'leaders.read',
  LEADERS_WRITE: 'leaders.write',
  CATALOG_READ: 'catalog.read',
  CATALOG_WRITE: 'catalog.write',
  INVENTORY_READ: 'inventory.read',
  INVENTORY_WRITE: 'inventory.write',
  CAMPAIGNS_READ: 'campaigns.read',
  CAMPAIGNS_WRITE: 'campaigns.write',
  ORDERS_READ: 'orders.read',
  ORDERS_WRITE: 'orders.write',
  /** Refund paid orders (money leaves): admin, finance and service. */
  ORDERS_REFUND: 'orders.refund',
  AFTERSALES_READ: 'aftersales.read',
  AFTERSALES_WRITE: 'aftersales.write',
  FULFILLMENT_READ: 'fulfillment.read',
  FULFILLMENT_WRITE: 'fulfillment.write',
  COMMISSION_READ: 'commission.read',
  COMMISSION_WRITE: 'commission.write',
  WITHDRAWALS_APPROVE: 'withdrawals.approve',
  MARKETING_READ: 'marketing.read',
  MARKETING_WRITE: 'marketing.write',
  REPORTS_READ: 'reports.read',
  INTEGRATIONS_MANAGE: 'integrations.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const ALL_PERMISSIONS = Object.values(Permission) as Permission[];

export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: ALL_PERMISSIONS,
  operator: [
    'system.read',
    'members.read',
    'members.write',
    'leaders.read',
    'leaders.write',
    'catalog.read',
    'catalog.write',
    'inventory.read',
    'campaigns.read',
    'campaigns.write',
    'orders.read',
    'aftersales.read',
    'marketing.read',
    'marketing.write',
    'reports.read',
  ],
  finance: [
    'system.read',
    'members.read',
    'leaders.read',
    'orders.read',
    'orders.refund',
    'aftersales.read',
    'commission.read',
    'commission.write',
    'withdrawals.approve',
    'reports.read',
  ],
  warehouse: [
    'system.read',
    'catalog.read',
    'inventory.read',
    'inventory.write',
    'campaigns.read',
    'orders.read',
    'fulfillment.read',
    'fulfillment.write',
  ],
  service: [
    'system.read',
    'members.read',
    'leaders.read',
    'orders.read',
    'orders.write',
    'orders.refund',
    'aftersales.read',
    'aftersales.write',
  ],
};

/** The union of the permissions of the given roles, without duplicates. */
export function permissionsOf(roles: readonly StaffRole[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role] ?? []) granted.add(p);
  return ALL_PERMISSIONS.filter((p) => granted.has(p));
}

export const StaffStatus = { ACTIVE: 'active', DISABLED: 'disabled' } as const;
export type StaffStatus = (typeof StaffStatus)[keyof typeof StaffStatus];

export interface StaffProfile {
  id: number;
  username: string;
  name: string;
  phone: string | null;
  roles: StaffRole[];
  /** Derived from `roles`; the admin-web shows menus and buttons from it. */
  permissions: Permission[];
  status: StaffStatus;
  lastLoginAt: IsoDateTime | null;
  createdAt: IsoDateTime;
}

export interface TokenPair {
  accessToken: string;
  /** Opaque; exchange it at the matching `/auth/refresh` endpoint. Single use: refreshing rotates it. */
  refreshToken: string;
  /** Seconds until `accessToken` expires. */
  expiresIn: number;
}

/** POST /api/admin/auth/login */
export interface StaffLoginRequest {
  username: string;
  password: string;
}
export interface StaffLoginResponse extends TokenPair {
  staff: StaffProfile;
}

/** POST /api/admin/auth/refresh and POST /api/app/auth/refresh */
export interface RefreshRequest {
  refreshToken: string;
}
/** POST /api/admin/auth/logout and POST /api/app/auth/logout (revokes the refresh token). */
export type LogoutRequest = RefreshRequest;

/** GET /api/admin/roles */
export interface RoleDefinition {
  role: StaffRole;
  label: string;
  permissions: Permission[];
}

/** GET /api/admin/staff */
export interface StaffListQuery {
  page?: number;
  pageSize?: number;
  /** Matches username, name or phone. */
  keyword?: string;
  status?: StaffStatus;
  role?: StaffRole;
}

/** POST /api/admin/staff */
export interface CreateStaffRequest {
  /** 3–32 chars: letters, digits, `_`, `.`, `-`. Unique. */
  username: string;
  name: string;
  phone?: string;
  /** At least 8 characters with a letter and a digit. */
  password: string;
  roles: StaffRole[];
}

/** PATCH /api/admin/staff/:id */
export interface UpdateStaffRequest {
  name?: string;
  phone?: string | null;
  roles?: StaffRole[];
}

/** POST /api/admin/staff/:id/reset-password */
export interface ResetStaffPasswordRequest {
  password: string;
}

/** POST /api/admin/staff/:id/disable and /enable take no body and return the `StaffProfile`. */

/** GET /api/admin/audit-logs */
export interface AuditLogQuery {
  page?: number;
  pageSize?: number;
  actorId?: number;
  /** e.g. `staff.create` */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO date-times, inclusive. */
  from?: IsoDateTime;
  to?: IsoDateTime;
}

export interface AuditLogEntry {
  id: number;
  actorType: 'staff' | 'system';
  actorId: number | null;
  actorName: string | null;
  /** `<area>.<verb>`, e.g. `staff.create`, `staff.disable`, `auth.login`. */
  action: string;
  entityType: string;
  entityId: string | null;
  /** Snapshot before the write (secrets such as password hashes removed); null for creations. */
  before: Record<string, unknown> | null;
  /** Snapshot after the write; null for deletions. */
  after: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  createdAt: IsoDateTime;
}
