import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffLoginResponse, StaffProfile } from '@linli/shared-types';
import { SessionStore } from '../session/session-store';
import { createApiClient } from './client';
import { ApiError } from './errors';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const staff: StaffProfile = {
  id: 1,
  username: 'admin',
  name: '管理员',
  phone: null,
  roles: ['admin'],
  permissions: ['staff.read'],
  status: 'active',
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A tiny fake of the server's auth: one valid access token, single-use refresh tokens. */
class FakeServer {
  access = 'a1';
  refresh = 'r1';
  refreshCalls = 0;
  refreshFails = false;
  seen: { url: string; headers: Record<string, string>; body?: string }[] = [];
  private generation = 1;

  fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    this.seen.push({ url, headers, body: init?.body as string | undefined });
    const requestId = headers['X-Request-Id'];
    await new Promise((r) => setTimeout(r, 5));

    if (url.endsWith('/api/admin/auth/refresh')) {
      this.refreshCalls++;
      const { refreshToken } = JSON.parse(String(init?.body)) as { refreshToken: string };
      if (this.refreshFails || refreshToken !== this.refresh) {
        return json(401, { code: 'AUTH_REFRESH_INVALID', message: '登录已失效', requestId });
      }
      this.generation++;
      this.access = `a${this.generation}`;
      this.refresh = `r${this.generation}`;
      const body: StaffLoginResponse = {
        accessToken: this.access,
        refreshToken: this.refresh,
        expiresIn: 900,
        staff,
      };
      return json(200, body, { 'X-Request-Id': requestId });
    }
    if (headers.Authorization !== `Bearer ${this.access}`) {
      return json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期', requestId });
    }
    if (url.includes('/api/admin/disabled'))
      return json(401, { code: 'UNAUTHENTICATED', message: '账号已停用', requestId });
    if (url.includes('/api/admin/broken')) return new Response('<html>Bad gateway</html>', { status: 502 });
    if (url.includes('/api/admin/export'))
      return new Response('PK-xlsx', {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('对账单.xlsx')}`,
        },
      });
    return json(200, { ok: url }, { 'X-Request-Id': requestId });
  });
}

let server: FakeServer;
let session: SessionStore;
let ended: string[];

function makeClient() {
  let n = 0;
  return createApiClient({
    session,
    fetch: server.fetch as unknown as typeof fetch,
    newRequestId: () => `req-${++n}`,
    onSessionEnded: (reason) => ended.push(reason),
  });
}

beforeEach(() => {
  server = new FakeServer();
  session = new SessionStore(new MemoryStorage());
  session.signIn({ accessToken: 'stale', refreshToken: 'r1', expiresIn: 900, staff });
  ended = [];
});

describe('createApiClient', () => {
  it('sends the bearer token and a request id, and builds the query string without empty values', async () => {
    server.access = 'stale';
    const client = makeClient();
    await client.get('/api/admin/staff', { page: 2, keyword: '', role: undefined, status: 'active' });
    expect(server.seen[0].url).toBe('/api/admin/staff?page=2&status=active');
    expect(server.seen[0].headers.Authorization).toBe('Bearer stale');
    expect(server.seen[0].headers['X-Request-Id']).toBe('req-1');
  });

  it('uploads a file as multipart field `file` with the token, leaving the content type to the browser', async () => {
    server.access = 'stale';
    const client = makeClient();
    await client.upload('/api/admin/uploads', new Blob(['png'], { type: 'image/png' }), 'cover.png');
    const sent = server.fetch.mock.calls[0][1] as RequestInit;
    expect(sent.method).toBe('POST');
    expect(server.seen[0].headers.Authorization).toBe('Bearer stale');
    expect(server.seen[0].headers['Content-Type']).toBeUndefined();
    const body = sent.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('cover.png');
  });

  it('sends PUT and DELETE with their methods', async () => {
    server.access = 'stale';
    const client = makeClient();
    await client.put('/api/admin/products/3', { name: 'x' });
    await client.delete('/api/admin/categories/4');
    expect(server.fetch.mock.calls.map((c) => (c[1] as RequestInit).method)).toEqual(['PUT', 'DELETE']);
    expect(server.seen[0].body).toBe('{"name":"x"}');
  });

  it('refreshes once for many concurrent expired requests and retries each with the new token', async () => {
    const client = makeClient();
    const results = await Promise.all([
      client.get<{ ok: string }>('/api/admin/a'),
      client.get<{ ok: string }>('/api/admin/b'),
      client.get<{ ok: string }>('/api/admin/c'),
    ]);
    expect(results.map((r) => r.ok)).toEqual(['/api/admin/a', '/api/admin/b', '/api/admin/c']);
    expect(server.refreshCalls).toBe(1);
    expect(session.session?.accessToken).toBe('a2');
    expect(session.session?.refreshToken).toBe('r2');
    const retried = server.seen.filter((s) => s.headers.Authorization === 'Bearer a2');
    expect(retried).toHaveLength(3);
    expect(ended).toEqual([]);
  });

  it('refreshes again on a later expiry (the single flight is reset)', async () => {
    const client = makeClient();
    await client.get('/api/admin/a');
    server.access = 'rotated-by-server';
    await expect(client.get('/api/admin/a')).resolves.toBeDefined();
    expect(server.refreshCalls).toBe(2);
  });

  it('ends the session once and rejects every waiting request when the refresh is refused', async () => {
    server.refreshFails = true;
    const client = makeClient();
    const outcomes = await Promise.allSettled([client.get('/api/admin/a'), client.get('/api/admin/b')]);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(server.refreshCalls).toBe(1);
    expect(session.session).toBeNull();
    expect(session.getSnapshot().endedReason).toBe('登录已过期，请重新登录');
    expect(ended).toHaveLength(1);
  });

  it('ends the session with the server message on other 401s (disabled account) without refreshing', async () => {
    server.access = 'stale';
    const client = makeClient();
    await expect(client.get('/api/admin/disabled')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(server.refreshCalls).toBe(0);
    expect(session.getSnapshot().endedReason).toBe('账号已停用');
  });

  it('does not treat a failed login as an expired session', async () => {
    const client = makeClient();
    await expect(
      client.post('/api/admin/auth/login', { username: 'x', password: 'y' }, { auth: false }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(server.seen[0].headers.Authorization).toBeUndefined();
    expect(server.refreshCalls).toBe(0);
    expect(session.session).not.toBeNull();
  });

  it('turns a non-JSON 502 into a Chinese ApiError and a network failure into NETWORK_ERROR', async () => {
    server.access = 'stale';
    const client = makeClient();
    await expect(client.get('/api/admin/broken')).rejects.toMatchObject({
      status: 502,
      body: { code: 'INTERNAL_ERROR', message: '服务暂时不可用，请稍后重试' },
    });
    const offline = createApiClient({
      session,
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch,
      newRequestId: () => 'net-1',
    });
    await expect(offline.get('/api/health')).rejects.toMatchObject({
      status: 0,
      body: { code: 'NETWORK_ERROR', requestId: 'net-1' },
    });
  });

  it('downloads a file with the token, refreshing an expired one, and names it from Content-Disposition', async () => {
    const client = makeClient();
    const file = await client.download('GET', '/api/admin/export', { query: { format: 'xlsx', date: '' } });
    expect(await file.blob.text()).toBe('PK-xlsx');
    expect(file.fileName).toBe('对账单.xlsx');
    expect(server.refreshCalls).toBe(1);
    const last = server.seen.at(-1)!;
    expect(last.url).toBe('/api/admin/export?format=xlsx');
    expect(last.headers.Authorization).toBe('Bearer a2');
    expect(last.headers.Accept).toBe('*/*');
  });

  it('turns a refused download into an ApiError with the server message', async () => {
    server.access = 'stale';
    const client = makeClient();
    await expect(client.download('POST', '/api/admin/disabled')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: '账号已停用',
    });
  });

  it('returns the body of an accepted non-2xx status (health answers 503 when down)', async () => {
    const client = createApiClient({
      session,
      fetch: (async () => json(503, { status: 'down' })) as unknown as typeof fetch,
    });
    await expect(client.request('GET', '/api/health', { auth: false, acceptStatus: [503] })).resolves.toEqual(
      {
        status: 'down',
      },
    );
    await expect(client.request('GET', '/api/health', { auth: false })).rejects.toMatchObject({
      status: 503,
    });
  });
});
