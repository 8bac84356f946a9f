import { ErrorCode, type StaffLoginResponse } from '@linli/shared-types';
import type { SessionStore } from '../session/session-store';
import { fileNameFromDisposition } from './content-disposition';
import { ApiError, ClientErrorCode, toApiErrorBody } from './errors';
import { singleFlight } from './single-flight';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** False for login/refresh: no Authorization header and no refresh-on-401. */
  auth?: boolean;
  /** A multipart body (file uploads); sent as is, the browser sets the boundary. */
  formData?: FormData;
  /** Reuse a request id (e.g. to correlate a retry); a fresh one is generated otherwise. */
  requestId?: string;
  /** Non-2xx statuses whose body is still the expected payload (GET /api/health answers 503 when down). */
  acceptStatus?: readonly number[];
  /** The Accept header; JSON unless a file is downloaded. */
  accept?: string;
  signal?: AbortSignal;
}

/** A file the server sent (an Excel export), with the name from its Content-Disposition if it gave one. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

export interface ApiClientOptions {
  session: SessionStore;
  fetch?: typeof fetch;
  baseUrl?: string;
  newRequestId?: () => string;
  /** Called once when the session ends because it can no longer be refreshed. */
  onSessionEnded?: (reason: string) => void;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
  /** POST one file as multipart field `file` (e.g. /api/admin/uploads). */
  upload<T>(path: string, file: Blob, fileName?: string): Promise<T>;
  /** A file answer (e.g. `?format=xlsx`) with the same token, refresh and errors as the JSON calls. */
  download(method: string, path: string, options?: RequestOptions): Promise<DownloadedFile>;
}

const REFRESH_PATH = '/api/admin/auth/refresh';
const SESSION_EXPIRED_MESSAGE = '登录已过期，请重新登录';

function defaultRequestId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one HTTP client of the back office: bearer token, request id, typed errors, and a transparent
 * token refresh on 401 TOKEN_EXPIRED shared by all concurrent requests (refresh tokens are single-use,
 * so two parallel refreshes would log the user out).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { session } = options;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = options.baseUrl ?? '';
  const newRequestId = options.newRequestId ?? defaultRequestId;

  function endSession(reason: string): void {
    if (!session.session) return;
    session.clear(reason);
    options.onSessionEnded?.(reason);
  }

  async function send(
    method: string,
    path: string,
    opts: RequestOptions,
    accessToken: string | null,
  ): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: opts.accept ?? 'application/json',
      'X-Request-Id': opts.requestId ?? newRequestId(),
    };
    if (opts.body !== undefined && !opts.formData) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    try {
      return await doFetch(buildUrl(baseUrl, path, opts.query), {
        method,
        headers,
        body: opts.formData ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
        signal: opts.signal,
      });
    } catch (cause) {
      if (opts.signal?.aborted) throw cause;
      throw new ApiError(0, {
        code: ClientErrorCode.NETWORK_ERROR,
        message: '网络连接失败，请检查网络后重试',
        requestId: headers['X-Request-Id'],
      });
    }
  }

  async function toError(response: Response): Promise<ApiError> {
    const payload = await readJson(response);
    return new ApiError(
      response.status,
      toApiErrorBody(response.status, payload, response.headers.get('X-Request-Id')),
    );
  }

  const refreshOnce = singleFlight(async (): Promise<void> => {
    const used = session.session?.refreshToken;
    if (!used)
      throw new ApiError(401, {
        code: ErrorCode.UNAUTHENTICATED,
        message: SESSION_EXPIRED_MESSAGE,
        requestId: '',
      });
    const response = await send('POST', REFRESH_PATH, { body: { refreshToken: used } }, null);
    if (response.ok) {
      session.signIn((await readJson(response)) as StaffLoginResponse);
      return;
    }
    const error = await toError(response);
    // Another tab may have rotated the refresh token a moment earlier; its tokens are then in storage.
    session.syncFromStorage();
    const current = session.session?.refreshToken;
    if (current && current !== used) return;
    // A network failure or 5xx is not proof the session is gone: keep it and let the user retry.
    if (error.status === 401 || error.status === 400) endSession(SESSION_EXPIRED_MESSAGE);
    throw error;
  });

  /** Sends with the token, refreshing it once on TOKEN_EXPIRED; throws ApiError unless the status is accepted. */
  async function fetchChecked(method: string, path: string, opts: RequestOptions): Promise<Response> {
    const useAuth = opts.auth !== false;
    const tokenUsed = useAuth ? (session.session?.accessToken ?? null) : null;
    let response = await send(method, path, opts, tokenUsed);

    if (useAuth && response.status === 401) {
      const error = await toError(response);
      if (error.code !== ErrorCode.TOKEN_EXPIRED) {
        // Revoked, disabled or otherwise invalid: the session is over, say why on the login page.
        endSession(error.message);
        throw error;
      }
      // Skip the refresh when a parallel request already rotated the tokens while this one was in flight.
      if (session.session?.accessToken === tokenUsed) await refreshOnce();
      const fresh = session.session?.accessToken ?? null;
      if (!fresh) throw error;
      response = await send(method, path, opts, fresh);
      if (response.status === 401) {
        const retryError = await toError(response);
        endSession(retryError.message);
        throw retryError;
      }
    }

    if (!response.ok && !opts.acceptStatus?.includes(response.status)) throw await toError(response);
    return response;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const response = await fetchChecked(method, path, opts);
    if (response.status === 204) return undefined as T;
    const payload = await readJson(response);
    if (payload === undefined && response.status !== 204) {
      throw new ApiError(response.status, {
        code: ClientErrorCode.BAD_RESPONSE,
        message: '服务器返回了无法识别的数据',
        requestId: response.headers.get('X-Request-Id') ?? '',
      });
    }
    return payload as T;
  }

  return {
    request,
    get: (path, query) => request('GET', path, { query }),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    patch: (path, body, opts) => request('PATCH', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    upload: (path, file, fileName) => {
      const formData = new FormData();
      formData.append('file', file, fileName ?? (file instanceof File ? file.name : 'upload'));
      return request('POST', path, { formData });
    },
    download: async (method, path, opts = {}) => {
      // Any type is welcome: the file on success, a JSON error body otherwise.
      const response = await fetchChecked(method, path, { accept: '*/*', ...opts });
      return {
        blob: await response.blob(),
        fileName: fileNameFromDisposition(response.headers.get('Content-Disposition')),
      };
    },
  };
}
