import { describe, expect, it } from 'vitest';
import { ApiError, describeError, mapErrorToFormFields, toApiErrorBody, toFieldPath } from './errors';

describe('toApiErrorBody', () => {
  it('keeps a well-formed server body', () => {
    const body = toApiErrorBody(
      400,
      {
        code: 'VALIDATION_FAILED',
        message: '参数校验失败',
        requestId: 'r1',
        fields: [
          { field: 'username', errors: ['用户名已存在'] },
          { field: 7, errors: 'bad' },
        ],
      },
      'hdr',
    );
    expect(body).toEqual({
      code: 'VALIDATION_FAILED',
      message: '参数校验失败',
      requestId: 'r1',
      fields: [{ field: 'username', errors: ['用户名已存在'] }],
    });
  });

  it('synthesises a Chinese message and takes the request id from the header for a proxy error page', () => {
    expect(toApiErrorBody(502, undefined, 'abc')).toEqual({
      code: 'INTERNAL_ERROR',
      message: '服务暂时不可用，请稍后重试',
      requestId: 'abc',
    });
    expect(toApiErrorBody(418, 'teapot', null)).toEqual({
      code: 'HTTP_418',
      message: '请求失败（418）',
      requestId: '',
    });
  });
});

describe('describeError', () => {
  it('adds the request id to server faults only', () => {
    expect(
      describeError(new ApiError(500, { code: 'INTERNAL_ERROR', message: '服务器错误', requestId: 'x1' })),
    ).toBe('服务器错误（请求编号 x1）');
    expect(
      describeError(
        new ApiError(409, { code: 'STAFF_LAST_ADMIN', message: '至少保留一名管理员', requestId: 'x2' }),
      ),
    ).toBe('至少保留一名管理员');
    expect(describeError(new Error('boom'))).toBe('操作失败，请稍后重试');
  });
});

describe('mapErrorToFormFields', () => {
  const FORM = ['username', 'name', 'phone', 'password', 'roles'];

  it('maps VALIDATION_FAILED fields onto form paths and reports the ones the form lacks', () => {
    const mapped = mapErrorToFormFields(
      {
        code: 'VALIDATION_FAILED',
        message: '参数校验失败',
        requestId: 'r',
        fields: [
          { field: 'password', errors: ['密码至少 8 位'] },
          { field: 'roles.1', errors: ['未知角色'] },
          { field: 'nickname', errors: ['不允许的字段'] },
        ],
      },
      FORM,
    );
    expect(mapped.fields).toEqual([
      { name: ['password'], errors: ['密码至少 8 位'] },
      { name: ['roles', 1], errors: ['未知角色'] },
    ]);
    expect(mapped.unmatched).toEqual(['nickname：不允许的字段']);
  });

  it('puts a business error on its field through codeToField', () => {
    const mapped = mapErrorToFormFields(
      { code: 'STAFF_USERNAME_TAKEN', message: '用户名已被使用', requestId: 'r' },
      FORM,
      { STAFF_USERNAME_TAKEN: 'username' },
    );
    expect(mapped).toEqual({ fields: [{ name: ['username'], errors: ['用户名已被使用'] }], unmatched: [] });
  });

  it('leaves other errors unmatched so the page shows them as a message', () => {
    const mapped = mapErrorToFormFields(
      { code: 'STAFF_LAST_ADMIN', message: '至少保留一名管理员', requestId: 'r' },
      FORM,
      {
        STAFF_USERNAME_TAKEN: 'username',
      },
    );
    expect(mapped).toEqual({ fields: [], unmatched: ['至少保留一名管理员'] });
  });

  it('splits dotted paths into antd name paths', () => {
    expect(toFieldPath('items.0.quantity')).toEqual(['items', 0, 'quantity']);
  });
});
