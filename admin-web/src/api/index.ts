import { SessionStore } from '../session/session-store';
import { createApiClient } from './client';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private mode or disabled storage: the session then lasts for this page only
  }
}

export const sessionStore = new SessionStore(browserStorage());

if (typeof window !== 'undefined') window.addEventListener('storage', () => sessionStore.syncFromStorage());

export const api = createApiClient({ session: sessionStore });

export { ApiError, isApiError, describeError, mapErrorToFormFields } from './errors';
export type { ApiClient, DownloadedFile } from './client';
