import { interpretWxacode, isValidScene } from './wxacode';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const json = (body: unknown) => Buffer.from(JSON.stringify(body));

describe('interpretWxacode', () => {
  it('takes an image answer as the code', () => {
    expect(interpretWxacode(200, png)).toEqual({ ok: true, png });
  });

  it.each([
    [json({ errcode: 40001, errmsg: 'invalid credential' }), 'token_rejected'],
    [json({ errcode: 42001, errmsg: 'access_token expired' }), 'token_rejected'],
    [json({ errcode: 45009, errmsg: 'reach max api daily quota limit' }), 'rate_limited'],
    [json({ errcode: 41030, errmsg: 'invalid page' }), 'upstream'],
    [Buffer.from('<html>'), 'upstream'],
  ])('reports a failure answer %#', (body, failure) => {
    expect(interpretWxacode(200, body)).toMatchObject({ ok: false, failure });
  });

  it('reports HTTP errors', () => {
    expect(interpretWxacode(502, png)).toEqual({ ok: false, failure: 'upstream', detail: 'HTTP 502' });
  });
});

describe('isValidScene', () => {
  it.each([
    ['g=12&l=K7M3XQ9P', true],
    ['a'.repeat(32), true],
    ['a'.repeat(33), false],
    ['', false],
    ['g=1 l=2', false],
    ['团购', false],
  ])('%s → %s', (scene, valid) => expect(isValidScene(scene)).toBe(valid));
});
