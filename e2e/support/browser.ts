// One Chromium per test file, Debian's binary, a fresh profile each time (no cookies or storage carried over).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './server';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Errors thrown in the page (uncaught exceptions); tests assert there are none. */
  pageErrors: string[];
  close(): Promise<void>;
}

const sessions = new Set<BrowserSession>();

/** The browsers this test file has open (the failure report photographs them). */
export function openSessions(): BrowserSession[] {
  return [...sessions];
}

export function baseUrl(): string {
  const url = process.env.LINLI_E2E_BASE_URL;
  if (!url)
    throw new Error('LINLI_E2E_BASE_URL is not set: run through jest (global setup starts the server)');
  return url;
}

export async function openBrowser(
  viewport: { width: number; height: number },
  mobile = false,
): Promise<BrowserSession> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    deviceScaleFactor: mobile ? 2 : 1,
    isMobile: mobile,
    hasTouch: mobile,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The back office turns its animations off for people who ask for less motion: clicks then never land
    // on a modal or menu that is still moving (a source of rare failures on a busy machine).
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const session: BrowserSession = {
    context,
    page,
    pageErrors,
    async close() {
      sessions.delete(session);
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  sessions.add(session);
  return session;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Finish CSS transitions first (menu selection, fade-ins), so the picture shows the settled screen.
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: false, animations: 'disabled' });
}

/**
 * The JSON body of the next response whose URL path ends with `pathSuffix`. Call it BEFORE the action that
 * triggers the request (then await both), so a fast response cannot slip by.
 */
export async function nextJson<T>(page: Page, pathSuffix: string, method = 'GET'): Promise<T> {
  const response = await page.waitForResponse(
    (r) => new URL(r.url()).pathname.endsWith(pathSuffix) && r.request().method() === method,
  );
  if (!response.ok())
    throw new Error(`${pathSuffix} answered HTTP ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}
