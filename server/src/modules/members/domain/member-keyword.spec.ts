import { memberKeywordSearch } from './member-keyword';

describe('memberKeywordSearch', () => {
  it('treats 4 to 11 digits as the start of a phone number', () => {
    expect(memberKeywordSearch(' 1381 ')).toEqual({ kind: 'phone', prefix: '1381' });
    expect(memberKeywordSearch('13812345678')).toEqual({ kind: 'phone', prefix: '13812345678' });
  });

  it('treats shorter digit strings as a nickname (people are called 123 too)', () => {
    expect(memberKeywordSearch('123')).toEqual({ kind: 'nickname', prefix: '123' });
  });

  it('recognises WeChat and dev-login openids', () => {
    expect(memberKeywordSearch('oUyB5yjZ1ML2NvBn-JzBSGLAabcd')).toEqual({
      kind: 'openid',
      openid: 'oUyB5yjZ1ML2NvBn-JzBSGLAabcd',
    });
    expect(memberKeywordSearch('dev:demo-buyer')).toEqual({ kind: 'openid', openid: 'dev:demo-buyer' });
  });

  it('searches everything else as the start of the nickname', () => {
    expect(memberKeywordSearch('王')).toEqual({ kind: 'nickname', prefix: '王' });
    expect(memberKeywordSearch('Lucky Cat')).toEqual({ kind: 'nickname', prefix: 'Lucky Cat' });
  });

  it('ignores an empty keyword', () => {
    expect(memberKeywordSearch('  ')).toBeNull();
    expect(memberKeywordSearch(undefined)).toBeNull();
  });
});
