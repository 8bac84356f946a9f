import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toBuffer } from 'qrcode';

export interface FakeWxacode {
  baseUrl: string;
  /** Every getwxacodeunlimit call: the token it used and the JSON body it sent. */
  codeCalls: Array<{ accessToken: string; body: Record<string, unknown> }>;
  tokenCalls: number;
  /** Makes every token handed out so far invalid (errcode 42001 on the next code call). */
  expireAccessTokens(): void;
  /** While set, code calls answer this errcode (as WeChat does, JSON instead of an image). */
  failWith(errcode: number | null): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for api.weixin.qq.com's /cgi-bin/token and /wxa/getwxacodeunlimit. The "mini-program
 * code" it draws is a plain QR of `wxacode:<scene>`, so a test can decode the poster and see that the
 * code WeChat returned is the one on it.
 */
export async function startFakeWxacode(appId: string, secret: string): Promise<FakeWxacode> {
  const codeCalls: FakeWxacode['codeCalls'] = [];
  const validTokens = new Set<string>();
  let tokenCalls = 0;
  let failure: number | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const json = (body: unknown) => {
      // WeChat labels some error answers as images; the client must look at the bytes.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) {
        return json({ errcode: 40125, errmsg: 'invalid appsecret' });
      }
      tokenCalls += 1;
      const token = `token-${tokenCalls}`;
      validTokens.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ access_token: token, expires_in: 7200 }));
    }
    if (url.pathname === '/wxa/getwxacodeunlimit' && req.method === 'POST') {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const accessToken = url.searchParams.get('access_token') ?? '';
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        codeCalls.push({ accessToken, body });
        if (!validTokens.has(accessToken)) return json({ errcode: 42001, errmsg: 'access_token expired' });
        if (failure !== null) return json({ errcode: failure, errmsg: 'failure' });
        void toBuffer(`wxacode:${String(body.scene)}`, { margin: 1, width: 430 }).then((png) => {
          res.writeHead(200, { 'content-type': 'image/png' });
          res.end(png);
        });
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    codeCalls,
    get tokenCalls() {
      return tokenCalls;
    },
    expireAccessTokens: () => validTokens.clear(),
    failWith: (errcode) => {
      failure = errcode;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
