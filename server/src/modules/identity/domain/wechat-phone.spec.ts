import { interpretAccessToken, interpretPhoneNumber } from './wechat-phone';

describe('interpretAccessToken', () => {
  const now = 1_700_000_000_000;

  it('caches a token until five minutes before it expires', () => {
    expect(interpretAccessToken(200, { access_token: 'T1', expires_in: 7200 }, now)).toEqual({
      ok: true,
      token: { value: 'T1', refreshAfter: now + 6900 * 1000 },
    });
  });

  it('does not cache a token that expires within the margin', () => {
    expect(interpretAccessToken(200, { access_token: 'T1', expires_in: 120 }, now)).toMatchObject({
      ok: true,
      token: { refreshAfter: now },
    });
  });

  it('maps errcodes, HTTP errors and malformed bodies to failures', () => {
    expect(interpretAccessToken(200, { errcode: 40125, errmsg: 'invalid appsecret' }, now)).toEqual({
      ok: false,
      failure: 'upstream',
      detail: 'errcode 40125: invalid appsecret',
    });
    expect(interpretAccessToken(200, { errcode: 45011 }, now)).toMatchObject({ failure: 'rate_limited' });
    expect(interpretAccessToken(502, {}, now)).toMatchObject({ failure: 'upstream', detail: 'HTTP 502' });
    expect(interpretAccessToken(200, 'oops', now)).toMatchObject({ failure: 'upstream' });
    expect(interpretAccessToken(200, { expires_in: 7200 }, now)).toMatchObject({ failure: 'upstream' });
  });
});

describe('interpretPhoneNumber', () => {
  it('reads the pure number and country code', () => {
    const body = {
      errcode: 0,
      errmsg: 'ok',
      phone_info: { phoneNumber: '+86 13800138000', purePhoneNumber: '13800138000', countryCode: '86' },
    };
    expect(interpretPhoneNumber(200, body)).toEqual({
      ok: true,
      phone: { purePhoneNumber: '13800138000', countryCode: '86' },
    });
  });

  it.each([40001, 42001, 40014])('reports errcode %d as a rejected access token', (errcode) => {
    expect(interpretPhoneNumber(200, { errcode })).toMatchObject({ ok: false, failure: 'token_rejected' });
  });

  it.each([40029, 40163])('reports errcode %d as an invalid code', (errcode) => {
    expect(interpretPhoneNumber(200, { errcode })).toMatchObject({ ok: false, failure: 'code_invalid' });
  });

  it('maps the frequency limit, other errcodes and broken answers', () => {
    expect(interpretPhoneNumber(200, { errcode: 45011 })).toMatchObject({ failure: 'rate_limited' });
    expect(interpretPhoneNumber(200, { errcode: -1, errmsg: 'system error' })).toEqual({
      ok: false,
      failure: 'upstream',
      detail: 'errcode -1: system error',
    });
    expect(interpretPhoneNumber(500, null)).toMatchObject({ failure: 'upstream' });
    expect(interpretPhoneNumber(200, { errcode: 0 })).toMatchObject({ failure: 'upstream' });
    expect(interpretPhoneNumber(200, { phone_info: { purePhoneNumber: 'abc' } })).toMatchObject({
      failure: 'upstream',
    });
  });
});
