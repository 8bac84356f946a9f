import { defaultNickname } from './default-nickname';

describe('defaultNickname', () => {
  it('suffixes the last four alphanumerics of the openid', () => {
    expect(defaultNickname('oAbc_12xy-Z9')).toBe('微信用户XYZ9');
  });

  it('falls back to the plain label', () => {
    expect(defaultNickname('___')).toBe('微信用户');
  });
});
