// The pickup-point photo and the member's phone number end to end: a buyer applies in the H5 app with a
// photo (chosen through the file input Taro creates, uploaded at once), the admin's 团长申请 panel shows
// that photo, and 我的 → 手机号 takes a typed number and shows it masked. Screenshots go to docs/screenshots/.
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import type {
  LeaderApplicationView,
  MemberProfile,
  StaffLoginResponse,
  UploadedFile,
} from '@linli/shared-types';
import { devLogin, get } from '../support/api';
import { baseUrl, nextJson, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { DEMO_ADMIN } from '../support/demo';

let h5: BrowserSession;
let admin: BrowserSession;
let tmpDir: string;

beforeAll(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-photo-'));
  [h5, admin] = await Promise.all([
    openBrowser({ width: 375, height: 812 }, true),
    openBrowser({ width: 1440, height: 900 }),
  ]);
});

afterAll(async () => {
  await Promise.all([h5?.close(), admin?.close()]);
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

afterEach(() => {
  expect(h5.pageErrors).toEqual([]);
  expect(admin.pageErrors).toEqual([]);
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 320×240 RGB PNG that reads as a shop front: green awning stripes over a warm wall and a door. */
function storefrontPng(): Buffer {
  const width = 320;
  const height = 240;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x += 1) {
      let rgb: [number, number, number];
      if (y < 70) rgb = Math.floor(x / 32) % 2 === 0 ? [31, 157, 85] : [240, 250, 244];
      else if (x > 130 && x < 190 && y > 120) rgb = [120, 72, 40];
      else if (y > 225) rgb = [150, 150, 150];
      else rgb = [255, 214 - Math.floor(y / 8), 170];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, default compression/filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function fillH5(page: Page, id: string, value: string): Promise<void> {
  await page.locator(`#${id} input`).fill(value);
}

/** Waits until the <img> has really loaded (decoded pixels, naturalWidth > 0), not just been put in the DOM. */
async function expectLoaded(img: Locator): Promise<void> {
  await img.waitFor();
  const handle = await img.elementHandle();
  await img.page().waitForFunction(
    (el) => {
      const image = el as HTMLImageElement;
      return image.complete && image.naturalWidth > 0;
    },
    handle,
    { timeout: 10_000 },
  );
}

const randomMobile = () => `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

describe('pickup-point photo and phone number', () => {
  const suffix = `${Date.now().toString(36)}${randomInt(0, 1000)}`;
  const applicant = {
    openid: `e2e-photo-${suffix}`,
    name: '方晓棠',
    phone: randomMobile(),
    pickupName: '枫华府北门自提点',
    address: '杭州市拱墅区湖墅南路 186 号枫华府 3 幢底商',
    hours: '每天 08:30–20:30',
  };
  let uploaded: UploadedFile;
  let applied: LeaderApplicationView;

  test('H5: 申请成为团长 with a 自提点照片 chosen, previewed and sent with the application', async () => {
    const { page } = h5;
    const photoFile = path.join(tmpDir, 'storefront.png');
    fs.writeFileSync(photoFile, storefrontPng());

    await page.goto(`${baseUrl()}/h5/?openid=${applicant.openid}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    await page.locator('#mine-apply-entry').click();
    await page.locator('#apply-form').waitFor();
    await fillH5(page, 'apply-name', applicant.name);
    await fillH5(page, 'apply-phone', applicant.phone);
    await fillH5(page, 'apply-pickup-name', applicant.pickupName);
    await fillH5(page, 'apply-address', applicant.address);
    await fillH5(page, 'apply-hours', applicant.hours);

    // Taro's H5 chooseImage opens a file input; answer its chooser with the PNG.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('#apply-photo-add').click(),
    ]);
    [uploaded] = await Promise.all([
      nextJson<UploadedFile>(page, '/api/app/uploads', 'POST'),
      chooser.setFiles(photoFile),
    ]);
    expect(uploaded).toMatchObject({ contentType: 'image/png', url: `/uploads/${uploaded.key}` });
    await page.locator('#apply-photo-uploading').waitFor({ state: 'detached' });
    await expectLoaded(page.locator('#apply-photo-preview img'));
    await page.locator('#apply-photo-replace').waitFor();
    await page.locator('#apply-photo-remove').waitFor();

    await page.locator('#apply-contact-phone').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -120));
    await screenshot(page, 'h5-leader-apply-photo.png');

    await page.locator('#apply-agree').click();
    [applied] = await Promise.all([
      nextJson<LeaderApplicationView>(page, '/api/app/leader-applications', 'POST'),
      page.locator('#apply-submit').click(),
    ]);
    expect(applied.pickupPoint).toMatchObject({ name: applicant.pickupName, photoUrl: uploaded.url });

    // 申请进度 shows the photo too.
    await expect(page.locator('#status-badge').textContent()).resolves.toContain('审核中');
    await expectLoaded(page.locator('#status-photo img'));
  });

  test('团长申请: the review panel shows the photo, with a large preview on click', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/admin/`);
    await page.getByTestId('login-username').fill(DEMO_ADMIN.username);
    await page.getByTestId('login-password').fill(DEMO_ADMIN.password);
    await Promise.all([
      nextJson<StaffLoginResponse>(page, '/api/admin/auth/login', 'POST'),
      page.getByTestId('login-submit').click(),
    ]);
    await page.goto(`${baseUrl()}/admin/leaders/applications`);
    const row = page
      .getByTestId('leader-applications-table')
      .locator('tr.ant-table-row', { hasText: applicant.name });
    await row.click();
    const panel = page.getByTestId('application-panel');
    await panel.waitFor();
    const photo = panel.locator('img').first();
    await expect(photo.getAttribute('src')).resolves.toBe(uploaded.url);
    await expectLoaded(photo);
    await screenshot(page, 'admin-application-photo.png');

    // antd covers the thumbnail with a 预览 mask; clicking it opens the full-size preview.
    await panel.locator('.ant-image').first().click();
    await expectLoaded(page.locator('.ant-image-preview-img'));
    await page.keyboard.press('Escape');
    await page.locator('.ant-image-preview-img').waitFor({ state: 'hidden' });
  });

  test('H5: 我的 → 手机号 takes a typed number, refuses a wrong one and shows it masked', async () => {
    const { page } = h5;
    const phone = randomMobile();
    await page.goto(`${baseUrl()}/h5/?openid=${applicant.openid}`);
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click();
    const row = page.locator('#mine-phone-row');
    await expect(row.locator('#mine-phone-value').textContent()).resolves.toBe('未绑定');

    await row.click();
    await page.locator('#mine-phone-sheet').waitFor();
    await page.locator('#mine-phone-input input').fill('12345');
    await page.locator('#mine-phone-save').click();
    await expect(page.locator('#mine-phone-error').textContent()).resolves.toBe('请输入正确的 11 位手机号');

    await page.locator('#mine-phone-input input').fill(phone);
    await screenshot(page, 'h5-mine-phone-sheet.png');
    const [saved] = await Promise.all([
      nextJson<MemberProfile>(page, '/api/app/me/phone', 'POST'),
      page.locator('#mine-phone-save').click(),
    ]);
    expect(saved.phone).toBe(phone);
    await page.locator('#mine-phone-sheet').waitFor({ state: 'detached' });
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    await expect(row.locator('#mine-phone-value').textContent()).resolves.toBe(masked);
    await expect(page.locator('#mine-phone').textContent()).resolves.toBe(masked);

    const me = await get<MemberProfile>('/api/app/me', (await devLogin(applicant.openid)).accessToken);
    expect(me.phone).toBe(phone);
    // Let the success toast (1.5 s) go before the picture.
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.taro__toast')).every(
          (el) => getComputedStyle(el).display === 'none',
        ),
      undefined,
      { timeout: 5_000 },
    );
    await screenshot(page, 'h5-mine-phone.png');
  });
});
