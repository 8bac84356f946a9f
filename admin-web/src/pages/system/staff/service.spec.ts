import { describe, expect, it } from 'vitest';
import { passwordPolicyError, queryFromSearch, searchFromQuery } from './service';

describe('staff list query in the URL', () => {
  it('reads valid values and ignores junk', () => {
    expect(
      queryFromSearch(
        new URLSearchParams('page=3&pageSize=50&keyword=%20li%20&role=finance&status=disabled'),
      ),
    ).toEqual({
      page: 3,
      pageSize: 50,
      keyword: 'li',
      role: 'finance',
      status: 'disabled',
    });
    expect(queryFromSearch(new URLSearchParams('page=-1&pageSize=7&role=boss&status=gone'))).toEqual({
      page: 1,
      pageSize: 20,
      keyword: undefined,
      role: undefined,
      status: undefined,
    });
  });

  it('writes only what differs from the defaults and round-trips', () => {
    expect(searchFromQuery({ page: 1, pageSize: 20 })).toEqual({});
    const query = {
      page: 2,
      pageSize: 10,
      keyword: '王',
      role: 'operator' as const,
      status: 'active' as const,
    };
    expect(queryFromSearch(new URLSearchParams(searchFromQuery(query)))).toEqual(query);
  });
});

describe('passwordPolicyError', () => {
  it.each([
    ['short1', '密码至少 8 位'],
    ['abcdefgh', '密码需同时包含字母和数字'],
    ['12345678', '密码需同时包含字母和数字'],
    ['abcd 1234', '密码不能包含空格'],
    ['a1'.repeat(65), '密码最多 128 位'],
  ])('rejects %s', (password, problem) => expect(passwordPolicyError(password)).toBe(problem));

  it('accepts a password with letters and digits', () => {
    expect(passwordPolicyError('linli2026')).toBeNull();
  });
});
