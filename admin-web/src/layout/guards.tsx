import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import type { Permission } from '@linli/shared-types';
import { usePermission, useSessionSnapshot } from '../session/hooks';
import { ForbiddenPage } from '../pages/exception';

export interface LoginLocationState {
  /** Why the user was sent to the login page (session expired, account disabled). */
  reason?: string | null;
}

/** Sends anonymous visitors to /login, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, endedReason } = useSessionSnapshot();
  const location = useLocation();
  if (!session) {
    const target = `${location.pathname}${location.search}`;
    const search = target === '/' ? '' : `?redirect=${encodeURIComponent(target)}`;
    const state: LoginLocationState = { reason: endedReason };
    return <Navigate to={`/login${search}`} replace state={state} />;
  }
  return <>{children}</>;
}

/** Shows the 403 page in place of a route the staff member may not open. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = usePermission(permission);
  return allowed ? <>{children}</> : <ForbiddenPage />;
}
