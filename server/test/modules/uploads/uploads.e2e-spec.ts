import type { LeaderApplicationView, UploadedFile } from '@linli/shared-types';
import { createTestApp, type TestApp } from '../../support/test-app';
import { apply, application, leaderCounts, memberLogin } from '../leaders/leaders-test-kit';
import { bearer, countRows, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { TINY_PNG, jpegOfSize } from './upload-fixtures';

describe('image uploads and the pickup-point photo', () => {
  let t: TestApp;
  let memberToken: string;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seedDemo(t);
    memberToken = (await memberLogin(t, 'upload-member')).accessToken;
    adminToken = (await loginAsAdmin(t)).accessToken;
  });
  afterAll(() => t.close());

  const upload = (token: string | null, area: 'app' | 'admin' = 'app') => {
    const req = t.http().post(`/api/${area}/uploads`);
    return token ? req.set(...bearer(token)) : req;
  };

  describe('POST /api/app/uploads', () => {
    it('stores a PNG and serves it at its URL with long caching and nosniff', async () => {
      const res = await upload(memberToken).attach('file', TINY_PNG, {
        filename: 'photo.png',
        contentType: 'image/png',
      });
      expect(res.status).toBe(201);
      const file = res.body as UploadedFile;
      expect(file).toEqual({
        key: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{32}\.png$/),
        url: `/uploads/${file.key}`,
        contentType: 'image/png',
        size: TINY_PNG.length,
      });
      expect(file.key.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10).replace(/-/g, '/'));

      const served = await t.http().get(file.url).buffer(true);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(served.body as Buffer, TINY_PNG)).toBe(0);
    });

    it('types the file by its content: a JPEG named .png is stored as .jpg', async () => {
      const res = await upload(memberToken).attach('file', jpegOfSize(2048), {
        filename: 'looks-like.png',
        contentType: 'image/png',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ contentType: 'image/jpeg', key: expect.stringMatching(/\.jpg$/) });
      const served = await t.http().get((res.body as UploadedFile).url);
      expect(served.headers['content-type']).toBe('image/jpeg');
    });

    it('refuses what is not JPEG/PNG/WebP by content, even named .jpg', async () => {
      for (const [content, name] of [
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.jpg'],
        [Buffer.from('GIF89a\x01\x00\x01\x00'), 'x.gif'],
        [Buffer.from('#!/bin/sh\necho hi\n'), 'photo.jpg'],
      ] as const) {
        const res = await upload(memberToken).attach('file', content, {
          filename: name,
          contentType: 'image/jpeg',
        });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
      }
    });

    it('refuses a file over 5 MB with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await upload(memberToken).attach('file', jpegOfSize(5 * 1024 * 1024 + 1), 'big.jpg');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过 5 MB' });
      // Exactly 5 MB is allowed.
      const limit = await upload(memberToken).attach('file', jpegOfSize(5 * 1024 * 1024), 'max.jpg');
      expect(limit.status).toBe(201);
    });

    it('answers 400 UPLOAD_FILE_MISSING without a `file` part, or without multipart at all', async () => {
      const noFile = await upload(memberToken).field('note', 'no file here');
      expect(noFile.status).toBe(400);
      expect(noFile.body.code).toBe('UPLOAD_FILE_MISSING');

      const otherField = await upload(memberToken).attach('image', TINY_PNG, 'a.png');
      expect(otherField.body.code).toBe('UPLOAD_FILE_MISSING');

      const json = await upload(memberToken).send({ file: 'data:image/png;base64,AAAA' });
      expect(json.status).toBe(400);
      expect(json.body.code).toBe('UPLOAD_FILE_MISSING');

      const empty = await upload(memberToken).attach('file', Buffer.alloc(0), 'empty.png');
      expect(empty.body.code).toBe('UPLOAD_FILE_MISSING');
    });

    it('needs a member token (401 without one, staff tokens belong to /api/admin)', async () => {
      const anonymous = await upload(null).attach('file', TINY_PNG, 'a.png');
      expect(anonymous.status).toBe(401);
      const staff = await upload(adminToken).attach('file', TINY_PNG, 'a.png');
      expect([401, 403]).toContain(staff.status);
    });
  });

  describe('POST /api/admin/uploads', () => {
    it('stores an image for any staff member and audits it', async () => {
      const before = await countRows(t, 'audit_logs');
      const res = await upload(adminToken, 'admin').attach('file', TINY_PNG, 'banner.png');
      expect(res.status).toBe(201);
      const file = res.body as UploadedFile;
      expect(file.url).toBe(`/uploads/${file.key}`);
      expect(await countRows(t, 'audit_logs')).toBe(before + 1);
      const rows = (await t.dataSource.query(
        "SELECT action, entity_id FROM audit_logs WHERE entity_type = 'upload' ORDER BY id DESC",
      )) as Array<{ action: string; entity_id: string }>;
      expect(rows[0]).toEqual({ action: 'upload.create', entity_id: file.key });
      await t.http().get(file.url).expect(200);
    });

    it('refuses members and anonymous callers', async () => {
      expect((await upload(null, 'admin').attach('file', TINY_PNG, 'a.png')).status).toBe(401);
      expect([401, 403]).toContain(
        (await upload(memberToken, 'admin').attach('file', TINY_PNG, 'a.png')).status,
      );
    });
  });

  describe('/uploads/', () => {
    it('serves only names shaped like storage keys: no listing, no traversal, 404 for unknown', async () => {
      await t.http().get('/uploads/').expect(404);
      await t.http().get('/uploads/2026/').expect(404);
      await t
        .http()
        .get(`/uploads/2026/01/01/${'0'.repeat(32)}.png`)
        .expect(404);
      const traversal = await t.http().get('/uploads/..%2f..%2fpackage.json');
      expect([400, 403, 404]).toContain(traversal.status);
    });

    it('documents the multipart body in OpenAPI', async () => {
      const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, { post?: { requestBody?: { content: Record<string, unknown> } } }>;
      };
      for (const path of ['/api/app/uploads', '/api/admin/uploads']) {
        expect(doc.paths[path].post?.requestBody?.content['multipart/form-data']).toMatchObject({
          schema: { $ref: expect.stringContaining('UploadRequestBodyDto') },
        });
      }
    });

    it('lets pages read their own blob: URLs (Taro H5 uploads the chosen image from one)', async () => {
      const res = await t.http().get('/api/health');
      expect(res.headers['content-security-policy']).toContain("connect-src 'self' blob:");
    });

    it('keeps refusing multipart bodies on every other route with 415', async () => {
      const res = await t
        .http()
        .post('/api/app/me/phone')
        .set(...bearer(memberToken))
        .field('phone', '13800138000');
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('keeps the JSON body limit for the API', async () => {
      const res = await t
        .http()
        .post('/api/app/auth/dev-login')
        .send({ openid: 'x', padding: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('pickup-point photo on a leader application', () => {
    it('round-trips an uploaded photo through the application and the admin views', async () => {
      const token = (await memberLogin(t, 'photo-applicant')).accessToken;
      const photo = (await upload(token).attach('file', TINY_PNG, 'shop.png')).body as UploadedFile;
      const body = application({ pickupPoint: { ...application().pickupPoint, photoUrl: photo.url } });
      const res = await apply(t, token, body);
      expect(res.status).toBe(201);
      const view = res.body as LeaderApplicationView;
      expect(view.pickupPoint.photoUrl).toBe(photo.url);

      const mine = await t
        .http()
        .get('/api/app/leader-applications/mine')
        .set(...bearer(token))
        .expect(200);
      expect(mine.body.pickupPoint.photoUrl).toBe(photo.url);

      const detail = await t
        .http()
        .get(`/api/admin/leaders/${view.leaderId}`)
        .set(...bearer(adminToken))
        .expect(200);
      expect(detail.body.pickupPoint.photoUrl).toBe(photo.url);
      const rows = (await t.dataSource.query('SELECT photo_url FROM pickup_points WHERE leader_id = ?', [
        view.leaderId,
      ])) as Array<{ photo_url: string | null }>;
      expect(rows[0].photo_url).toBe(photo.url);
    });

    it('answers null for a pickup point without a photo', async () => {
      const token = (await memberLogin(t, 'no-photo-applicant')).accessToken;
      const res = await apply(t, token, application({ name: '周小舟' }));
      expect(res.status).toBe(201);
      expect(res.body.pickupPoint.photoUrl).toBeNull();
    });

    it.each([
      ['a foreign URL', 'https://evil.example/uploads/2026/11/23/0123456789abcdef0123456789abcdef.jpg'],
      ['a path outside the storage', '/h5/assets/logo.png'],
      ['a key that was never uploaded', `/uploads/2026/11/23/${'a'.repeat(32)}.jpg`],
      ['a traversal', '/uploads/../../data/linli.sqlite'],
    ])('refuses %s with 400 UPLOAD_URL_INVALID and writes nothing', async (_label, photoUrl) => {
      const token = (await memberLogin(t, `bad-photo-${photoUrl.length}`)).accessToken;
      const before = await leaderCounts(t);
      const res = await apply(
        t,
        token,
        application({ pickupPoint: { ...application().pickupPoint, photoUrl } }),
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('UPLOAD_URL_INVALID');
      expect(await leaderCounts(t)).toEqual(before);
    });
  });

  describe('rate limit', () => {
    it('allows 30 uploads a minute per caller', async () => {
      const token = (await memberLogin(t, 'busy-uploader')).accessToken;
      const statuses: number[] = [];
      for (let i = 0; i < 31; i += 1) {
        statuses.push((await upload(token).attach('file', TINY_PNG, 'a.png')).status);
      }
      expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
      expect(statuses[30]).toBe(429);
      // Another member still can.
      const other = (await memberLogin(t, 'calm-uploader')).accessToken;
      expect((await upload(other).attach('file', TINY_PNG, 'a.png')).status).toBe(201);
    });
  });
});
