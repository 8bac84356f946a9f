import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@linli/shared-types';
import { BusinessError } from '../errors/business-error';

const CJK = /[\u4e00-\u9fff]/;

/** Chinese fallbacks for class-validator's English defaults; DTOs may give their own Chinese messages. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isDefined: '必须填写',
  isNotEmpty: '不能为空',
  isString: '必须是字符串',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是布尔值',
  isArray: '必须是数组',
  isObject: '必须是对象',
  isEnum: '不是允许的取值',
  isIn: '不是允许的取值',
  isEmail: '必须是有效的邮箱地址',
  isUrl: '必须是有效的 URL',
  isISO8601: '必须是 ISO-8601 日期时间',
  isDateString: '必须是 ISO-8601 日期时间',
  isPositive: '必须是正数',
  isMobilePhone: '必须是有效的手机号',
  matches: '格式不正确',
  min: '数值过小',
  max: '数值过大',
  minLength: '长度过短',
  maxLength: '长度过长',
  length: '长度不符合要求',
  arrayMinSize: '元素数量过少',
  arrayMaxSize: '元素数量过多',
  arrayNotEmpty: '不能为空数组',
  arrayUnique: '元素不能重复',
  nestedValidation: '格式不正确',
};

function chineseMessage(constraint: string, message: string): string {
  if (CJK.test(message)) return message;
  return CONSTRAINT_MESSAGES[constraint] ?? '格式不正确';
}

/** Flattens nested class-validator errors to dotted paths: `items.0.quantity`. */
export function toFieldErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      chineseMessage(constraint, message),
    );
    if (messages.length > 0) result.push({ field: path, errors: [...new Set(messages)] });
    if (error.children?.length) result.push(...toFieldErrors(error.children, path));
  }
  return result;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, toFieldErrors(errors)),
  });
}
