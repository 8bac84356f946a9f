import { interpretCode2Session } from './wechat-session';

describe('interpretCode2Session', () => {
  it('reads openid, unionid and session key of a success', () => {
    expect(interpretCode2Session(200, { openid: 'o1', session_key: 'k', unionid: 'u1' })).toEqual({
      ok: true,
      session: { openid: 'o1', unionid: 'u1', sessionKey: 'k' },
    });
    expect(interpretCode2Session(200, { openid: 'o1', session_key: 'k', errcode: 0 })).toMatchObject({
      ok: true,
      session: { unionid: null },
    });
  });

  it.each([40029, 40163])('maps errcode %d to an invalid code', (errcode) => {
    expect(interpretCode2Session(200, { errcode, errmsg: 'invalid code' })).toMatchObject({
      ok: false,
      failure: 'code_invalid',
    });
  });

  it('maps the frequency limit and other errcodes', () => {
    expect(interpretCode2Session(200, { errcode: 45011 })).toMatchObject({ failure: 'rate_limited' });
    expect(interpretCode2Session(200, { errcode: -1, errmsg: 'system error' })).toEqual({
      ok: false,
      failure: 'upstream',
      detail: 'errcode -1: system error',
    });
  });

  it('treats HTTP errors and malformed bodies as upstream failures', () => {
    expect(interpretCode2Session(500, {})).toMatchObject({ failure: 'upstream', detail: 'HTTP 500' });
    expect(interpretCode2Session(200, null)).toMatchObject({ failure: 'upstream' });
    expect(interpretCode2Session(200, { session_key: 'k' })).toMatchObject({ failure: 'upstream' });
  });
});
