import type { StaffLoginResponse, StaffProfile } from '@linli/shared-types';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires (informational; the server is the judge). */
  accessExpiresAt: number;
  staff: StaffProfile;
}

export interface SessionSnapshot {
  session: StoredSession | null;
  /** Why the last session ended without the user asking (expired, disabled); shown on the login page. */
  endedReason: string | null;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const EMPTY: SessionSnapshot = { session: null, endedReason: null };

function parse(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession> | null;
    if (
      value &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string' &&
      value.staff &&
      Array.isArray(value.staff.permissions)
    ) {
      return value as StoredSession;
    }
  } catch {
    // A corrupt entry is treated as logged out.
  }
  return null;
}

/**
 * Tokens and the staff profile, kept in localStorage so a reload stays logged in. Snapshots are
 * immutable and only replaced on change, which is what useSyncExternalStore needs.
 */
export class SessionStore {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: StorageLike | null,
    private readonly key = 'linli.admin.session',
  ) {
    this.snapshot = { session: parse(storage?.getItem(key) ?? null), endedReason: null };
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  get session(): StoredSession | null {
    return this.snapshot.session;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stores a login or refresh response. */
  signIn(response: StaffLoginResponse, now = Date.now()): void {
    this.write({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      accessExpiresAt: now + response.expiresIn * 1000,
      staff: response.staff,
    });
  }

  /** Keeps roles and permissions current after GET /auth/me or editing oneself. */
  updateStaff(staff: StaffProfile): void {
    const current = this.snapshot.session;
    if (!current || current.staff.id !== staff.id) return;
    if (JSON.stringify(current.staff) === JSON.stringify(staff)) return;
    this.write({ ...current, staff });
  }

  /** Ends the session; `reason` is shown on the login page (null for a deliberate logout). */
  clear(reason: string | null = null): void {
    this.storage?.removeItem(this.key);
    this.set({ session: null, endedReason: reason });
  }

  /** Another tab logged in, refreshed or logged out: adopt its state (refresh tokens are single-use). */
  syncFromStorage(): void {
    const session = parse(this.storage?.getItem(this.key) ?? null);
    if (JSON.stringify(session) === JSON.stringify(this.snapshot.session)) return;
    this.set(session ? { session, endedReason: null } : EMPTY);
  }

  private write(session: StoredSession): void {
    this.storage?.setItem(this.key, JSON.stringify(session));
    this.set({ session, endedReason: null });
  }

  private set(next: SessionSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
