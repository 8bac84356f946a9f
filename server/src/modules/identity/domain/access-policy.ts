import type { Permission } from '@linli/shared-types';
import type { TokenSubjectKind } from './token-subject';

/** The API area of a request path: admin (staff), app (mini-program members) or anything else. */
export type ApiArea = 'admin' | 'app' | 'other';

export function apiAreaOf(url: string): ApiArea {
  const path = url.split('?', 1)[0];
  if (path === '/api/admin' || path.startsWith('/api/admin/')) return 'admin';
  if (path === '/api/app' || path.startsWith('/api/app/')) return 'app';
  return 'other';
}

/** The token kind an area accepts; `null` means either kind (non-public routes outside both areas). */
export function requiredTokenKind(area: ApiArea): TokenSubjectKind | null {
  if (area === 'admin') return 'staff';
  if (area === 'app') return 'member';
  return null;
}

export type AccessDecision =
  | { allow: true }
  | { allow: false; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

export interface AccessRequest {
  area: ApiArea;
  isPublic: boolean;
  /** Kind of the verified access token, `null` when no valid token was presented. */
  tokenKind: TokenSubjectKind | null;
  requiredPermissions: readonly Permission[];
  /** Permissions of the authenticated staff member (empty for members). */
  grantedPermissions: readonly Permission[];
}

/**
 * Default-deny: only `@Public()` routes are open; the admin area needs a staff token, the app area a
 * member token, and `@RequirePermissions` needs every listed permission. (Token validity, expiry and the
 * staff member's status are checked before this, by the guard.)
 */
export function decideAccess(req: AccessRequest): AccessDecision {
  if (req.isPublic) return { allow: true };
  if (req.tokenKind === null) return deny(401, 'UNAUTHENTICATED', '请先登录');
  const required = requiredTokenKind(req.area);
  if (required !== null && required !== req.tokenKind) {
    return deny(401, 'UNAUTHENTICATED', required === 'staff' ? '请使用员工账号登录' : '请在小程序中登录');
  }
  if (req.requiredPermissions.length > 0) {
    // Permissions belong to staff; a member on a permission-guarded route is simply not allowed.
    if (req.tokenKind !== 'staff') return deny(403, 'FORBIDDEN', '没有权限执行此操作');
    if (missingPermissions(req.requiredPermissions, req.grantedPermissions).length > 0) {
      return deny(403, 'FORBIDDEN', '没有权限执行此操作');
    }
  }
  return { allow: true };
}

export function missingPermissions(
  required: readonly Permission[],
  granted: readonly Permission[],
): Permission[] {
  return required.filter((p) => !granted.includes(p));
}

function deny(status: 401 | 403, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): AccessDecision {
  return { allow: false, status, code, message };
}
