import { describe, expect, it } from 'vitest';
import { formatAuditValue, queryFromSearch, searchFromQuery } from './service';

describe('audit log query in the URL', () => {
  it('round-trips every filter', () => {
    const query = {
      page: 4,
      pageSize: 50,
      actorId: 7,
      action: 'staff.disable',
      entityType: 'staff',
      entityId: '12',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T23:59:59.999Z',
    };
    expect(queryFromSearch(new URLSearchParams(searchFromQuery(query)))).toEqual(query);
  });

  it('drops an invalid actor id or date', () => {
    const q = queryFromSearch(new URLSearchParams('actorId=abc&from=yesterday'));
    expect(q.actorId).toBeUndefined();
    expect(q.from).toBeUndefined();
  });
});

describe('formatAuditValue', () => {
  it('renders known fields in Chinese', () => {
    expect(formatAuditValue('roles', ['admin', 'finance'])).toBe('管理员、财务');
    expect(formatAuditValue('roles', [])).toBe('（无角色）');
    expect(formatAuditValue('status', 'disabled')).toBe('已停用');
    expect(formatAuditValue('status', 'pending')).toBe('待审核');
    expect(formatAuditValue('status', 'rejected')).toBe('已拒绝');
    expect(formatAuditValue('status', 'suspended')).toBe('已停用');
    expect(formatAuditValue('status', 'live')).toBe('进行中');
    expect(formatAuditValue('passwordReset', true)).toBe('是');
    expect(formatAuditValue('phone', null)).toBe('（空）');
    expect(formatAuditValue('phone', undefined)).toBe('（无）');
    expect(formatAuditValue('extra', { a: 1 })).toBe('{"a":1}');
  });
});
