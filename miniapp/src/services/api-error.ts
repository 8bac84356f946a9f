import { type ApiErrorBody, type FieldError } from '@linli/shared-types';

/** Client-side codes for failures that never reached the server or came back unreadable. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  BAD_RESPONSE: 'BAD_RESPONSE',
  LOGIN_UNAVAILABLE: 'LOGIN_UNAVAILABLE',
  NOT_LOGGED_IN: 'NOT_LOGGED_IN',
} as const;

/** A failed API call: the server's `ApiErrorBody` plus the HTTP status (0 when there was no response). */
export class ApiError extends Error {
  readonly code: string;
  readonly requestId: string;
  readonly fields?: FieldError[];

  constructor(
    readonly status: number,
    body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.requestId = body.requestId;
    this.fields = body.fields;
  }
}

const GENERIC_MESSAGES: Record<number, string> = {
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  413: '提交的内容过大',
  429: '操作太频繁，请稍后再试',
};

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/**
 * Reads an error response into an `ApiErrorBody`. The server always sends one, but a proxy, a gateway
 * timeout or an HTML error page may not: those get a generic Chinese message keyed on the status.
 */
export function toApiErrorBody(
  status: number,
  data: unknown,
  headerRequestId: string | undefined,
): ApiErrorBody {
  let parsed: unknown = data;
  if (typeof data === 'string') {
    try {
      parsed = JSON.parse(data);
    } catch {
      parsed = null;
    }
  }
  if (isApiErrorBody(parsed)) {
    return { ...parsed, requestId: parsed.requestId || headerRequestId || '' };
  }
  const message =
    GENERIC_MESSAGES[status] ?? (status >= 500 ? '服务器开小差了，请稍后再试' : '请求失败，请稍后再试');
  return {
    code: status >= 500 ? 'INTERNAL_ERROR' : ClientErrorCode.BAD_RESPONSE,
    message,
    requestId: headerRequestId ?? '',
  };
}

export function networkError(requestId: string): ApiError {
  return new ApiError(0, {
    code: ClientErrorCode.NETWORK_ERROR,
    message: '网络连接失败，请检查网络后重试',
    requestId,
  });
}
