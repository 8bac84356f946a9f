import type { ApiErrorBody, FieldError } from '@linli/shared-types';

/** Client-side codes for failures that never reached (or never came back from) the server. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  BAD_RESPONSE: 'BAD_RESPONSE',
} as const;

/** A failed API call. `body` is always a complete ApiErrorBody, synthesised when the server sent none. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  get code(): string {
    return this.body.code;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求参数有误',
  401: '登录已失效，请重新登录',
  403: '没有权限执行此操作',
  404: '请求的资源不存在',
  409: '数据已被修改，请刷新后重试',
  413: '提交的内容过大',
  429: '操作太频繁，请稍后再试',
  502: '服务暂时不可用，请稍后重试',
  503: '服务暂时不可用，请稍后重试',
  504: '服务响应超时，请稍后重试',
};

function fallbackMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? (status >= 500 ? '服务器开小差了，请稍后重试' : `请求失败（${status}）`);
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.field === 'string' && Array.isArray(v.errors) && v.errors.every((e) => typeof e === 'string')
  );
}

/** Accepts anything the server (or a proxy in front of it) may have sent and returns a usable error body. */
export function toApiErrorBody(
  status: number,
  payload: unknown,
  headerRequestId: string | null,
): ApiErrorBody {
  const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const code =
    typeof p.code === 'string' && p.code ? p.code : status >= 500 ? 'INTERNAL_ERROR' : `HTTP_${status}`;
  const message = typeof p.message === 'string' && p.message ? p.message : fallbackMessage(status);
  const requestId = typeof p.requestId === 'string' && p.requestId ? p.requestId : (headerRequestId ?? '');
  const body: ApiErrorBody = { code, message, requestId };
  if (Array.isArray(p.fields)) {
    const fields = p.fields.filter(isFieldError);
    if (fields.length > 0) body.fields = fields;
  }
  return body;
}

/** What people read in a toast: the Chinese message, plus the request id for server faults (support asks for it). */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return '操作失败，请稍后重试';
  if (error.status >= 500 && error.body.requestId)
    return `${error.message}（请求编号 ${error.body.requestId}）`;
  return error.message;
}

export type FormFieldPath = (string | number)[];
export interface FormFieldError {
  name: FormFieldPath;
  errors: string[];
}

/** `items.0.quantity` → ['items', 0, 'quantity'], the path shape antd Form uses. */
export function toFieldPath(dotted: string): FormFieldPath {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface MappedFieldErrors {
  /** Ready for `form.setFields`. */
  fields: FormFieldError[];
  /** Messages that belong to no field on this form; show them another way. */
  unmatched: string[];
}

/**
 * Maps a failed call onto the fields of a form: VALIDATION_FAILED `fields` by path, and business codes
 * that are about one field (e.g. STAFF_USERNAME_TAKEN → username) through `codeToField`.
 */
export function mapErrorToFormFields(
  body: ApiErrorBody,
  formFields: readonly string[],
  codeToField: Readonly<Record<string, string>> = {},
): MappedFieldErrors {
  const known = new Set(formFields);
  const fields: FormFieldError[] = [];
  const unmatched: string[] = [];

  for (const f of body.fields ?? []) {
    const path = toFieldPath(f.field);
    if (known.has(String(path[0]))) fields.push({ name: path, errors: f.errors });
    else unmatched.push(...f.errors.map((e) => `${f.field}：${e}`));
  }

  const codeField = codeToField[body.code];
  if (codeField && known.has(codeField)) fields.push({ name: [codeField], errors: [body.message] });
  else if (!body.fields?.length) unmatched.push(body.message);

  return { fields, unmatched };
}
