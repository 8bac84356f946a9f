import { passwordPolicyProblems } from './password-policy';

describe('passwordPolicyProblems', () => {
  it.each(['abcd1234', 'linli2026', 'A1bcdefgh', 'x'.repeat(127) + '1'])('accepts %s', (pw) => {
    expect(passwordPolicyProblems(pw)).toEqual([]);
  });

  it('rejects short passwords', () => {
    expect(passwordPolicyProblems('abc123')).toEqual(['密码至少 8 位']);
  });

  it('needs a letter and a digit', () => {
    expect(passwordPolicyProblems('12345678')).toEqual(['密码必须包含字母']);
    expect(passwordPolicyProblems('abcdefgh')).toEqual(['密码必须包含数字']);
  });

  it('rejects whitespace and over-long passwords', () => {
    expect(passwordPolicyProblems('abcd 1234')).toEqual(['密码不能包含空格']);
    expect(passwordPolicyProblems('a1'.repeat(65))).toEqual(['密码最多 128 位']);
  });

  it('reports every problem at once', () => {
    expect(passwordPolicyProblems('')).toEqual(['密码至少 8 位', '密码必须包含字母', '密码必须包含数字']);
  });
});
