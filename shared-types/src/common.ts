/**
 * Conventions shared by every endpoint.
 *
 * - Money is integer fen (分): `Fen` is a number of fen, never a float of yuan.
 * - Rates are basis points: 1234 = 12.34%.
 * - Timestamps travel as ISO-8601 strings in UTC; the business time zone is Asia/Shanghai.
 * - Successful responses are the plain JSON body (no envelope). Failures are `ApiErrorBody`.
 */
export type Fen = number;
export type BasisPoints = number;
export type IsoDateTime = string;

/** Every error response body. `code` is stable and machine-readable; `message` is Chinese for people. */
export interface ApiErrorBody {
  code: string;
  message: string;
  /** The request id (also sent as the `X-Request-Id` response header). */
  requestId: string;
  /** For VALIDATION_FAILED: one entry per offending field. */
  fields?: FieldError[];
}

export interface FieldError {
  /** Dotted path of the field, e.g. `roles` or `items.0.quantity`. */
  field: string;
  /** Chinese messages describing what is wrong. */
  errors: string[];
}

/** Stable error codes used by the platform. Contexts add their own `<CONTEXT>_<REASON>` codes. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  AUTH_INVALID_CREDENTIALS: 'AUTH_INVALID_CREDENTIALS',
  AUTH_ACCOUNT_DISABLED: 'AUTH_ACCOUNT_DISABLED',
  AUTH_REFRESH_INVALID: 'AUTH_REFRESH_INVALID',
  AUTH_DEV_LOGIN_DISABLED: 'AUTH_DEV_LOGIN_DISABLED',
  AUTH_WECHAT_NOT_CONFIGURED: 'AUTH_WECHAT_NOT_CONFIGURED',
  AUTH_WECHAT_CODE_INVALID: 'AUTH_WECHAT_CODE_INVALID',
  AUTH_WECHAT_UNAVAILABLE: 'AUTH_WECHAT_UNAVAILABLE',
  MEMBER_NOT_FOUND: 'MEMBER_NOT_FOUND',
  LEADER_ALREADY_EXISTS: 'LEADER_ALREADY_EXISTS',
  LEADER_NOT_FOUND: 'LEADER_NOT_FOUND',
  LEADER_INVALID_STATUS: 'LEADER_INVALID_STATUS',
  LEADER_INVITE_CODE_INVALID: 'LEADER_INVITE_CODE_INVALID',
  LEADER_AGREEMENT_OUTDATED: 'LEADER_AGREEMENT_OUTDATED',
  LEADER_AGREEMENT_NOT_ACCEPTED: 'LEADER_AGREEMENT_NOT_ACCEPTED',
  LEADER_NOT_ACTIVE: 'LEADER_NOT_ACTIVE',
  MEMBER_TARGET_LEADER_INVALID: 'MEMBER_TARGET_LEADER_INVALID',
  MEMBER_ALREADY_AT_LEADER: 'MEMBER_ALREADY_AT_LEADER',
  STAFF_USERNAME_TAKEN: 'STAFF_USERNAME_TAKEN',
  STAFF_NOT_FOUND: 'STAFF_NOT_FOUND',
  STAFF_CANNOT_DISABLE_SELF: 'STAFF_CANNOT_DISABLE_SELF',
  STAFF_LAST_ADMIN: 'STAFF_LAST_ADMIN',
  OUTBOX_FAILURE_NOT_FOUND: 'OUTBOX_FAILURE_NOT_FOUND',
  LEADER_LEVEL_NOT_FOUND: 'LEADER_LEVEL_NOT_FOUND',
  LEADER_LEVEL_DUPLICATE: 'LEADER_LEVEL_DUPLICATE',
  LEADER_LEVEL_IN_USE: 'LEADER_LEVEL_IN_USE',
  COMMUNITY_NOT_FOUND: 'COMMUNITY_NOT_FOUND',
  COMMUNITY_INVITE_INVALID: 'COMMUNITY_INVITE_INVALID',
  COMMUNITY_LIMIT_REACHED: 'COMMUNITY_LIMIT_REACHED',
  TAG_NOT_FOUND: 'TAG_NOT_FOUND',
  TAG_DUPLICATE: 'TAG_DUPLICATE',
  TAG_GROUP_NOT_FOUND: 'TAG_GROUP_NOT_FOUND',
  TAG_GROUP_DUPLICATE: 'TAG_GROUP_DUPLICATE',
  TAG_GROUP_NOT_EMPTY: 'TAG_GROUP_NOT_EMPTY',
  TAG_RULE_MANAGED: 'TAG_RULE_MANAGED',
  UPLOAD_FILE_MISSING: 'UPLOAD_FILE_MISSING',
  UPLOAD_TYPE_NOT_ALLOWED: 'UPLOAD_TYPE_NOT_ALLOWED',
  UPLOAD_URL_INVALID: 'UPLOAD_URL_INVALID',
  MEMBER_PHONE_INVALID: 'MEMBER_PHONE_INVALID',
  MEMBER_PHONE_CODE_INVALID: 'MEMBER_PHONE_CODE_INVALID',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Query parameters of every paged list. `page` starts at 1. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
