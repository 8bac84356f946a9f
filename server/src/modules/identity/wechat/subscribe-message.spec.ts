import { interpretSubscribeSend, templateValue } from './subscribe-message';

describe('interpretSubscribeSend', () => {
  it.each([
    [200, { errcode: 0, errmsg: 'ok' }, { ok: true }],
    [
      200,
      { errcode: 43101, errmsg: 'user refuse to accept the msg' },
      { ok: false, failure: 'not_subscribed' },
    ],
    [200, { errcode: 40001, errmsg: 'invalid credential' }, { ok: false, failure: 'token_rejected' }],
    [200, { errcode: 47003, errmsg: 'argument invalid' }, { ok: false, failure: 'rejected' }],
    [200, { errcode: -1, errmsg: 'system busy' }, { ok: false, failure: 'upstream' }],
    [502, null, { ok: false, failure: 'upstream' }],
    [200, 'not json', { ok: false, failure: 'upstream' }],
  ])('HTTP %i %j → %j', (status, body, expected) => {
    expect(interpretSubscribeSend(status, body)).toMatchObject(expected);
  });
});

describe('templateValue', () => {
  it('cuts by characters, not bytes', () => {
    expect(templateValue('一二三四五六七八九十一二三四五六七八九十多出来', 20)).toBe(
      '一二三四五六七八九十一二三四五六七八九十',
    );
    expect(templateValue('短', 20)).toBe('短');
  });
});
