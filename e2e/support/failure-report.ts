// When a browser test fails, print where each open page was and what it showed, and save a screenshot, so a
// failure in CI (where nobody can look at the browser) explains itself in the log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSessions } from './browser';

const REPORT_DIR = path.join(os.tmpdir(), 'linli-e2e-failures');

type FailureGlobal = typeof globalThis & { __linliFailedTest?: string };

afterEach(async () => {
  const failed = (globalThis as FailureGlobal).__linliFailedTest;
  if (!failed) return;
  fs.mkdirSync(REPORT_DIR, { recursive: true });
  const serverLog = process.env.LINLI_E2E_SERVER_LOG;
  if (serverLog && fs.existsSync(serverLog)) {
    const lines = fs.readFileSync(serverLog, 'utf8').trimEnd().split('\n');
    // Warnings and errors only (pino levels 40+): the request lines would drown them.
    const problems = lines.filter((line) => /"level":(4|5|6)\d/.test(line)).slice(-10);
    console.log(`[e2e failure] server warnings/errors (last 10):\n${problems.join('\n') || '(none)'}`);
  }
  const file = path.basename(expect.getState().testPath ?? 'test', '.e2e.ts');
  let index = 0;
  for (const session of openSessions()) {
    index += 1;
    const { page } = session;
    if (page.isClosed()) continue;
    const shot = path.join(REPORT_DIR, `${file}-${Date.now()}-${index}.png`);
    const text = await page
      .evaluate(() => document.body?.innerText ?? '')
      .catch((error: unknown) => `(page text unavailable: ${String(error)})`);
    await page.screenshot({ path: shot, timeout: 5_000 }).catch(() => undefined);
    console.log(
      [
        `[e2e failure] ${file} › ${failed}`,
        `  page ${index}: ${page.url()}`,
        `  screenshot: ${shot}`,
        `  page errors: ${JSON.stringify(session.pageErrors)}`,
        `  visible text: ${text.replace(/\s+/g, ' ').slice(0, 1500)}`,
      ].join('\n'),
    );
  }
});
