import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api';
import { deliveryKey, errorHeadline, isAlreadyRetried } from './service';

describe('errorHeadline', () => {
  it('keeps the message line and drops the stack trace', () => {
    const stack = 'Error: 佣金服务不可用\n    at CommissionOnPaid.handle (/app/dist/x.js:10:11)\n    at run';
    expect(errorHeadline(stack)).toBe('Error: 佣金服务不可用');
  });

  it('skips leading blank lines and handles Windows line ends', () => {
    expect(errorHeadline('\r\n  \r\nTimeoutError: 请求超时\r\n    at y')).toBe('TimeoutError: 请求超时');
  });

  it('says so when there is nothing but a stack or nothing at all', () => {
    expect(errorHeadline('    at a (b.js:1:1)')).toBe('（无错误信息）');
    expect(errorHeadline('')).toBe('（无错误信息）');
  });
});

describe('deliveryKey', () => {
  it('tells apart two handlers of the same event', () => {
    const a = deliveryKey({ eventId: 'e1', handlerName: 'commission.accrue' });
    const b = deliveryKey({ eventId: 'e1', handlerName: 'notify.leader' });
    expect(a).not.toBe(b);
  });
});

describe('isAlreadyRetried', () => {
  const error = (code: string, status: number) =>
    new ApiError(status, { code, message: '…', requestId: 'r1' });

  it('recognises only the not-found code of a failed delivery', () => {
    expect(isAlreadyRetried(error('OUTBOX_FAILURE_NOT_FOUND', 404))).toBe(true);
    expect(isAlreadyRetried(error('NOT_FOUND', 404))).toBe(false);
    expect(isAlreadyRetried(error('FORBIDDEN', 403))).toBe(false);
    expect(isAlreadyRetried(new Error('network'))).toBe(false);
  });
});
