import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechat {
  baseUrl: string;
  /** Query strings of every jscode2session call, in order. */
  calls: URLSearchParams[];
  close(): Promise<void>;
}

/**
 * A local stand-in for api.weixin.qq.com's /sns/jscode2session, driven by the code:
 * `ok-<name>` → openid `wx-<name>`; `union-<name>` → also unionid `union-<name>`; `invalid` → errcode
 * 40029; `used` → 40163; `busy` → errcode -1; `http500` → HTTP 500; `slow` → never answers in time.
 */
export async function startFakeWechat(
  appId: string,
  secret: string,
  options: { pathPrefix?: string } = {},
): Promise<FakeWechat> {
  const prefix = options.pathPrefix ?? '';
  const calls: URLSearchParams[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
