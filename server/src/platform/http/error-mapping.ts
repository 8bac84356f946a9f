import { HttpException } from '@nestjs/common';
import type { ApiErrorBody } from '@linli/shared-types';
import { BusinessError } from '../errors/business-error';

export interface MappedError {
  status: number;
  body: ApiErrorBody;
  /** Unexpected (5xx): log with stack; never shown to the client. */
  unexpected: boolean;
}

const BY_STATUS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
  404: { code: 'NOT_FOUND', message: '接口或资源不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  406: { code: 'NOT_ACCEPTABLE', message: '不支持请求的响应格式' },
  409: { code: 'CONFLICT', message: '操作冲突，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' },
  429: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' },
};

const INTERNAL = { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' };

/** One mapping for Nest exceptions and raw Fastify errors (body parsing, rate limit, 413). */
export function mapError(error: unknown, requestId: string): MappedError {
  if (error instanceof BusinessError) {
    const body: ApiErrorBody = { code: error.code, message: error.message, requestId };
    if (error.fields) body.fields = error.fields;
    return { status: error.status, body, unexpected: false };
  }
  const status = statusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    const known = BY_STATUS[status] ?? { code: 'BAD_REQUEST', message: '请求无法处理' };
    return { status, body: { ...known, requestId }, unexpected: false };
  }
  return { status: 500, body: { ...INTERNAL, requestId }, unexpected: true };
}

function statusOf(error: unknown): number | null {
  if (error instanceof HttpException) return error.getStatus();
  if (error && typeof error === 'object' && 'statusCode' in error) {
    const code = (error as { statusCode: unknown }).statusCode;
    if (typeof code === 'number') return code;
  }
  return null;
}
