import { ErrorCode, type MemberLoginResponse, type RefreshRequest } from '@linli/shared-types';
import { ApiError, networkError, toApiErrorBody } from './api-error';
import { singleFlight } from './single-flight';

/**
 * The platform-free core of the request service: auth header, request ids, one refresh on an expired
 * token, re-login when the session cannot be saved, and errors turned into `ApiError`. `request.ts`
 * plugs in Taro; tests plug in fakes.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  data?: unknown;
  header: Record<string, string>;
}

export interface HttpResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, unknown>;
}

/** Sends one HTTP request. Resolves for every HTTP status; rejects only when no response arrived. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface TokenStore {
  accessToken(): string | null;
  refreshToken(): string | null;
  saveLogin(login: MemberLoginResponse): void;
  clear(): void;
}

export interface ApiClientDeps {
  /** '' for same-origin (H5), an absolute origin for the mini-program. */
  baseUrl: string;
  transport: Transport;
  tokens: TokenStore;
  /** Logs in again after the session was lost; resolves true when a fresh session is stored. */
  relogin: () => Promise<boolean>;
  showError: (message: string) => void;
  newRequestId: () => string;
}

export interface RequestOptions {
  /** Send the member's access token (default true). Login endpoints set false. */
  auth?: boolean;
  /** Do not toast the error; the caller shows it in place. */
  silent?: boolean;
  /** Reuse a request id (e.g. to correlate with an earlier attempt); a fresh one otherwise. */
  requestId?: string;
  /** Extra headers of this call (e.g. `Idempotency-Key`); kept on the retry after a token refresh. */
  headers?: Record<string, string>;
}

export const REFRESH_PATH = '/api/app/auth/refresh';

function headerValue(header: Record<string, unknown>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(header ?? {})) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value;
  }
  return undefined;
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, data?: unknown, options?: RequestOptions): Promise<T>;
  get<T>(
    path: string,
    query?: Record<string, string | number | boolean>,
    options?: RequestOptions,
  ): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const { baseUrl, transport, tokens } = deps;

  // Refresh tokens are single use: parallel 401s must share one refresh, not race and revoke each other.
  const refreshOnce = singleFlight(async (): Promise<boolean> => {
    const refreshToken = tokens.refreshToken();
    if (!refreshToken) return false;
    const body: RefreshRequest = { refreshToken };
    try {
      const response = await transport({
        method: 'POST',
        url: baseUrl + REFRESH_PATH,
        data: body,
        header: { 'Content-Type': 'application/json', 'X-Request-Id': deps.newRequestId() },
      });
      if (!isSuccess(response.statusCode)) return false;
      tokens.saveLogin(response.data as MemberLoginResponse);
      return true;
    } catch {
      return false;
    }
  });

  async function send<T>(
    method: HttpMethod,
    path: string,
    data: unknown,
    options: RequestOptions,
    isRetry: boolean,
  ): Promise<T> {
    const useAuth = options.auth !== false;
    const requestId = options.requestId ?? deps.newRequestId();
    const header: Record<string, string> = { ...options.headers, 'X-Request-Id': requestId };
    if (method !== 'GET') header['Content-Type'] = 'application/json';
    const token = useAuth ? tokens.accessToken() : null;
    if (token) header.Authorization = `Bearer ${token}`;

    let response: HttpResponse;
    try {
      response = await transport({ method, url: baseUrl + path, data, header });
    } catch {
      throw networkError(requestId);
    }
    if (isSuccess(response.statusCode)) {
      // 204 and friends carry no body.
      return (response.data === '' ? undefined : response.data) as T;
    }

    const body = toApiErrorBody(
      response.statusCode,
      response.data,
      headerValue(response.header, 'X-Request-Id') ?? requestId,
    );
    if (response.statusCode === 401 && useAuth && token && !isRetry) {
      // Another request may already have refreshed while this one was in flight.
      if (tokens.accessToken() !== token && tokens.accessToken()) {
        return send<T>(method, path, data, options, true);
      }
      if (body.code === ErrorCode.TOKEN_EXPIRED && (await refreshOnce())) {
        return send<T>(method, path, data, options, true);
      }
      // The session is beyond saving (refresh failed, revoked, member disabled): start over.
      tokens.clear();
      if (await deps.relogin()) {
        return send<T>(method, path, data, options, true);
      }
    }
    throw new ApiError(response.statusCode, body);
  }

  async function request<T>(
    method: HttpMethod,
    path: string,
    data?: unknown,
    options: RequestOptions = {},
  ): Promise<T> {
    try {
      return await send<T>(method, path, data, options, false);
    } catch (error) {
      if (!options.silent && error instanceof ApiError) deps.showError(error.message);
      throw error;
    }
  }

  return {
    request,
    get: <T>(path: string, query?: Record<string, string | number | boolean>, options?: RequestOptions) =>
      request<T>('GET', path, query, options),
    post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      request<T>('POST', path, body ?? {}, options),
  };
}
