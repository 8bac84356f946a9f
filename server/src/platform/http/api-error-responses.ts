import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import type { ApiErrorBody, FieldError } from '@linli/shared-types';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'items.0.quantity', description: '出错字段的路径' })
  field!: string;

  @ApiProperty({ type: [String], example: ['必须是整数'] })
  errors!: string[];
}

/** The error body of every 4xx/5xx response (OpenAPI schema). */
export class ApiErrorBodyDto implements ApiErrorBody {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: '稳定的错误码' })
  code!: string;

  @ApiProperty({ example: '请求参数不正确', description: '中文错误信息' })
  message!: string;

  @ApiProperty({ example: '3f1c0a52-3c2e-4a53-9a57-5e8d0f3f3b1e' })
  requestId!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  fields?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: '请求参数不正确 (VALIDATION_FAILED, fields 列出字段)',
  401: '未登录或令牌无效/过期',
  403: '没有权限',
  404: '资源不存在',
  409: '状态冲突',
  413: '请求体过大',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

/**
 * Documents the ApiErrorBody for the given statuses, e.g. `@ApiErrorResponses(400, 401, 404)`.
 * Without arguments: 400, 401, 403, 429, 500.
 */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  const list = statuses.length > 0 ? statuses : [400, 401, 403, 429, 500];
  return applyDecorators(
    ...list.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? '错误', type: ApiErrorBodyDto }),
    ),
  );
}
