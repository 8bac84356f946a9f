import { useSyncExternalStore } from 'react';
import type { Permission } from '@linli/shared-types';
import { sessionStore } from '../api';
import type { SessionSnapshot, StoredSession } from './session-store';

export function useSessionSnapshot(): SessionSnapshot {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot);
}

/** The logged-in staff member's session, or null. Re-renders on login, refresh, logout and other tabs. */
export function useSession(): StoredSession | null {
  return useSessionSnapshot().session;
}

export function usePermission(permission: Permission): boolean {
  const session = useSession();
  return session?.staff.permissions.includes(permission) ?? false;
}
