import type { FieldError } from '@linli/shared-types';

/**
 * An expected business failure: stable `code`, Chinese `message`, 4xx status.
 * The global exception filter turns it into an ApiErrorBody.
 */
export class BusinessError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields?: FieldError[];

  constructor(code: string, message: string, status = 400, fields?: FieldError[]) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

export class NotFoundError extends BusinessError {
  constructor(code = 'NOT_FOUND', message = '资源不存在') {
    super(code, message, 404);
  }
}

export class ConflictError extends BusinessError {
  constructor(code = 'CONFLICT', message = '操作冲突，请刷新后重试') {
    super(code, message, 409);
  }
}

export class ForbiddenError extends BusinessError {
  constructor(code = 'FORBIDDEN', message = '没有权限执行此操作') {
    super(code, message, 403);
  }
}

export class UnauthenticatedError extends BusinessError {
  constructor(code = 'UNAUTHENTICATED', message = '请先登录') {
    super(code, message, 401);
  }
}
