import { type ApiErrorBody, type MemberLoginResponse, type MemberProfile } from '@linli/shared-types';
import { createApiClient, type HttpRequest, type HttpResponse, type TokenStore } from './api-client';
import { ApiError } from './api-error';

const member: MemberProfile = {
  id: 1,
  nickname: '小王',
  avatarUrl: null,
  phone: null,
  isLeader: false,
  currentLeader: null,
  createdAt: '2026-11-23T02:00:00Z',
};

function loginResponse(access: string, refresh: string): MemberLoginResponse {
  return { accessToken: access, refreshToken: refresh, expiresIn: 900, member, isNew: false };
}

function errorResponse(status: number, code: string, message = '出错了'): HttpResponse {
  const body: ApiErrorBody = { code, message, requestId: 'srv-1' };
  return { statusCode: status, data: body, header: { 'x-request-id': 'srv-1' } };
}

class MemoryTokens implements TokenStore {
  access: string | null = 'old-access';
  refresh: string | null = 'refresh-1';
  accessToken = () => this.access;
  refreshToken = () => this.refresh;
  saveLogin = (login: MemberLoginResponse) => {
    this.access = login.accessToken;
    this.refresh = login.refreshToken;
  };
  clear = () => {
    this.access = null;
    this.refresh = null;
  };
}

/**
 * A tiny fake server: `/api/app/campaigns` accepts only the current access token; the refresh endpoint
 * rotates single-use refresh tokens, like the real one.
 */
function setup(options: { refreshWorks?: boolean; relogin?: () => Promise<boolean> } = {}) {
  const tokens = new MemoryTokens();
  const sent: HttpRequest[] = [];
  const toasts: string[] = [];
  let validAccess = 'new-access';
  let validRefresh = 'refresh-1';
  let refreshCount = 0;
  let requestCounter = 0;
  const relogin = jest.fn(options.relogin ?? (async () => false));

  const transport = jest.fn(async (request: HttpRequest): Promise<HttpResponse> => {
    sent.push(request);
    await Promise.resolve();
    if (request.url.endsWith('/api/app/auth/refresh')) {
      const body = request.data as { refreshToken: string };
      if (options.refreshWorks === false || body.refreshToken !== validRefresh) {
        return errorResponse(401, 'AUTH_REFRESH_INVALID', '登录已失效');
      }
      refreshCount += 1;
      validRefresh = `refresh-${refreshCount + 1}`;
      validAccess = `access-${refreshCount + 1}`;
      return { statusCode: 200, data: loginResponse(validAccess, validRefresh), header: {} };
    }
    if (request.url.endsWith('/api/app/auth/logout')) return { statusCode: 204, data: '', header: {} };
    if (request.url.endsWith('/api/app/campaigns')) {
      if (request.header.Authorization !== `Bearer ${validAccess}`) {
        return errorResponse(401, 'TOKEN_EXPIRED', '登录已过期');
      }
      return { statusCode: 200, data: [{ id: 1 }], header: {} };
    }
    return errorResponse(404, 'NOT_FOUND', '请求的内容不存在');
  });

  const client = createApiClient({
    baseUrl: 'http://api.test',
    transport,
    tokens,
    relogin,
    showError: (message) => toasts.push(message),
    newRequestId: () => `req-${++requestCounter}`,
  });
  return {
    client,
    tokens,
    sent,
    toasts,
    transport,
    relogin,
    setValidAccess: (v: string) => (validAccess = v),
  };
}

describe('createApiClient', () => {
  it('sends the bearer token and a request id to the absolute base url', async () => {
    const { client, sent, setValidAccess } = setup();
    setValidAccess('old-access');
    await expect(client.get('/api/app/campaigns')).resolves.toEqual([{ id: 1 }]);
    expect(sent[0]).toMatchObject({
      method: 'GET',
      url: 'http://api.test/api/app/campaigns',
      header: { Authorization: 'Bearer old-access', 'X-Request-Id': 'req-1' },
    });
  });

  it('omits the token for auth: false calls', async () => {
    const { client, sent } = setup();
    await expect(client.post('/api/app/auth/logout', {}, { auth: false })).resolves.toBeUndefined();
    expect(sent[0].header.Authorization).toBeUndefined();
    expect(sent[0].header['Content-Type']).toBe('application/json');
  });

  it('refreshes an expired token once and retries the request', async () => {
    const { client, tokens, sent } = setup();
    await expect(client.get('/api/app/campaigns')).resolves.toEqual([{ id: 1 }]);
    expect(tokens.access).toBe('access-2');
    expect(tokens.refresh).toBe('refresh-2');
    expect(sent.map((r) => r.url.replace('http://api.test', ''))).toEqual([
      '/api/app/campaigns',
      '/api/app/auth/refresh',
      '/api/app/campaigns',
    ]);
    expect(sent[2].header.Authorization).toBe('Bearer access-2');
  });

  it('keeps extra headers (an Idempotency-Key) on the retry after a refresh', async () => {
    const { client, sent } = setup();
    await client.get('/api/app/campaigns', undefined, { headers: { 'Idempotency-Key': 'key-12345678' } });
    const retried = sent.filter((r) => r.url.endsWith('/api/app/campaigns'));
    expect(retried).toHaveLength(2);
    expect(retried.map((r) => r.header['Idempotency-Key'])).toEqual(['key-12345678', 'key-12345678']);
    expect(sent.find((r) => r.url.endsWith('/auth/refresh'))?.header['Idempotency-Key']).toBeUndefined();
  });

  it('shares one refresh between parallel requests (refresh tokens are single use)', async () => {
    const { client, sent, toasts } = setup();
    const results = await Promise.all([
      client.get('/api/app/campaigns'),
      client.get('/api/app/campaigns'),
      client.get('/api/app/campaigns'),
    ]);
    expect(results).toEqual([[{ id: 1 }], [{ id: 1 }], [{ id: 1 }]]);
    expect(sent.filter((r) => r.url.endsWith('/refresh'))).toHaveLength(1);
    expect(toasts).toEqual([]);
  });

  it('clears the session and logs in again when the refresh fails', async () => {
    const ctx = setup({
      refreshWorks: false,
      relogin: async () => {
        ctx.tokens.saveLogin(loginResponse('new-access', 'refresh-x'));
        return true;
      },
    });
    await expect(ctx.client.get('/api/app/campaigns')).resolves.toEqual([{ id: 1 }]);
    expect(ctx.relogin).toHaveBeenCalledTimes(1);
    expect(ctx.sent.at(-1)?.header.Authorization).toBe('Bearer new-access');
  });

  it('surfaces the 401 with a toast when neither refresh nor re-login works', async () => {
    const { client, tokens, toasts, relogin } = setup({ refreshWorks: false });
    const failure = client.get('/api/app/campaigns');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED', requestId: 'srv-1' });
    expect(tokens.access).toBeNull();
    expect(tokens.refresh).toBeNull();
    expect(relogin).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual(['登录已过期']);
  });

  it('retries at most once even if the retry is rejected again', async () => {
    const { client, transport, setValidAccess } = setup();
    setValidAccess('never-matches');
    // The refresh succeeds (and moves validAccess), so make the campaigns check fail regardless.
    transport.mockImplementationOnce(async () => errorResponse(401, 'TOKEN_EXPIRED'));
    transport.mockImplementationOnce(async () => ({
      statusCode: 200,
      data: loginResponse('a2', 'r2'),
      header: {},
    }));
    transport.mockImplementationOnce(async () => errorResponse(401, 'TOKEN_EXPIRED', '还是过期'));
    await expect(client.get('/api/app/campaigns')).rejects.toMatchObject({ message: '还是过期' });
    expect(transport).toHaveBeenCalledTimes(3);
  });

  it('does not toast silent calls', async () => {
    const { client, toasts } = setup();
    await expect(client.get('/api/app/nowhere', undefined, { silent: true })).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(toasts).toEqual([]);
  });

  it('turns a network failure into NETWORK_ERROR with a Chinese message', async () => {
    const { client, transport, toasts } = setup();
    transport.mockImplementationOnce(async () => {
      throw new Error('request:fail timeout');
    });
    await expect(client.get('/api/app/campaigns')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
      requestId: 'req-1',
    });
    expect(toasts).toEqual(['网络连接失败，请检查网络后重试']);
  });

  it('reads non-JSON error pages into a generic message with the header request id', async () => {
    const { client, transport } = setup();
    transport.mockImplementationOnce(async () => ({
      statusCode: 502,
      data: '<html>Bad Gateway</html>',
      header: { 'X-Request-Id': 'gw-9' },
    }));
    await expect(client.get('/api/app/campaigns')).rejects.toMatchObject({
      status: 502,
      code: 'INTERNAL_ERROR',
      message: '服务器开小差了，请稍后再试',
      requestId: 'gw-9',
    });
  });

  it('keeps validation field errors', async () => {
    const { client, transport } = setup();
    const body: ApiErrorBody = {
      code: 'VALIDATION_FAILED',
      message: '提交的信息有误',
      requestId: 'r',
      fields: [{ field: 'code', errors: ['不能为空'] }],
    };
    transport.mockImplementationOnce(async () => ({
      statusCode: 400,
      data: JSON.stringify(body),
      header: {},
    }));
    const error = await client
      .post('/api/app/auth/wechat-login', {}, { auth: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fields).toEqual(body.fields);
  });
});
