import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechat {
  baseUrl: string;
  /** Query strings of every jscode2session call, in order. */
  calls: URLSearchParams[];
  /** Query strings of every cgi-bin/token call (access tokens handed out: `token-1`, `token-2`, …). */
  tokenCalls: URLSearchParams[];
  /** Every getuserphonenumber call: the access token it used and the code it sent. */
  phoneCalls: Array<{ accessToken: string; code: string }>;
  /** Every subscription message sent (cgi-bin/message/subscribe/send): its JSON body. */
  subscribeMessages: Array<{
    touser: string;
    template_id: string;
    page: string;
    data: Record<string, { value: string }>;
  }>;
  /** Makes every access token handed out so far invalid (WeChat answers errcode 42001 to them). */
  expireAccessTokens(): void;
  /** While on, tokens handed out are dead on arrival (a misbehaving WeChat, for the retry limit). */
  rejectNewAccessTokens(on: boolean): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for api.weixin.qq.com's /sns/jscode2session, driven by the code:
 * `ok-<name>` → openid `wx-<name>`; `union-<name>` → also unionid `union-<name>`; `invalid` → errcode
 * 40029; `used` → 40163; `busy` → errcode -1; `http500` → HTTP 500; `slow` → never answers in time.
 *
 * Also /cgi-bin/token (client_credential → `token-<n>`, 7200 s) and POST /wxa/business/getuserphonenumber
 * with a JSON {code}: `phone-<digits>` → purePhoneNumber `<digits>` (country code 86), `intl-<digits>` →
 * country code 852, anything else → errcode 40029; an unknown or expired access token → 42001.
 */
export async function startFakeWechat(
  appId: string,
  secret: string,
  options: { pathPrefix?: string } = {},
): Promise<FakeWechat> {
  const prefix = options.pathPrefix ?? '';
  const calls: URLSearchParams[] = [];
  const tokenCalls: URLSearchParams[] = [];
  const phoneCalls: Array<{ accessToken: string; code: string }> = [];
  const subscribeMessages: FakeWechat['subscribeMessages'] = [];
  const validTokens = new Set<string>();
  let newTokensRejected = false;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === `${prefix}/cgi-bin/token`) {
      tokenCalls.push(url.searchParams);
      const q = url.searchParams;
      if (
        q.get('grant_type') !== 'client_credential' ||
        q.get('appid') !== appId ||
        q.get('secret') !== secret
      ) {
        return reply(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      }
      const token = `token-${tokenCalls.length}`;
      if (!newTokensRejected) validTokens.add(token);
      return reply(200, { access_token: token, expires_in: 7200 });
    }
    if (url.pathname === `${prefix}/wxa/business/getuserphonenumber` && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const accessToken = url.searchParams.get('access_token') ?? '';
        const code = String((JSON.parse(raw || '{}') as { code?: unknown }).code ?? '');
        phoneCalls.push({ accessToken, code });
        if (!validTokens.has(accessToken)) {
          return reply(200, { errcode: 42001, errmsg: 'access_token expired' });
        }
        const phone = /^(phone|intl)-(\d{5,15})$/.exec(code);
        if (!phone) return reply(200, { errcode: 40029, errmsg: 'invalid code' });
        const countryCode = phone[1] === 'intl' ? '852' : '86';
        return reply(200, {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: `+${countryCode}${phone[2]}`,
            purePhoneNumber: phone[2],
            countryCode,
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId },
          },
        });
      });
      return;
    }
    if (url.pathname === `${prefix}/cgi-bin/message/subscribe/send` && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        if (!validTokens.has(url.searchParams.get('access_token') ?? '')) {
          return reply(200, { errcode: 42001, errmsg: 'access_token expired' });
        }
        const body = JSON.parse(raw || '{}') as FakeWechat['subscribeMessages'][number];
        // An openid starting with `refuse-` has not accepted the template (errcode 43101).
        if (body.touser.startsWith('refuse-')) return reply(200, { errcode: 43101, errmsg: 'user refuse' });
        subscribeMessages.push(body);
        return reply(200, { errcode: 0, errmsg: 'ok' });
      });
      return;
    }
    if (url.pathname !== `${prefix}/sns/jscode2session`) return reply(404, { errcode: 404 });
    calls.push(url.searchParams);
    if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) {
      return reply(200, { errcode: 40125, errmsg: 'invalid appsecret' });
    }
    const code = url.searchParams.get('js_code') ?? '';
    if (code.startsWith('ok-')) return reply(200, { openid: `wx-${code.slice(3)}`, session_key: 'sk==' });
    if (code.startsWith('union-')) {
      return reply(200, { openid: `wx-${code.slice(6)}`, session_key: 'sk==', unionid: code });
    }
    if (code === 'invalid') return reply(200, { errcode: 40029, errmsg: 'invalid code' });
    if (code === 'used') return reply(200, { errcode: 40163, errmsg: 'code been used' });
    if (code === 'busy') return reply(200, { errcode: -1, errmsg: 'system error' });
    if (code === 'http500') return reply(500, { message: 'oops' });
    return reply(200, { errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    tokenCalls,
    phoneCalls,
    subscribeMessages,
    expireAccessTokens: () => validTokens.clear(),
    rejectNewAccessTokens: (on) => {
      newTokensRejected = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
