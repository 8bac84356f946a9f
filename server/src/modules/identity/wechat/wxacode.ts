import { TOKEN_REJECTED_ERRCODES } from '../domain/wechat-phone';

/** What `wxa/getwxacodeunlimit` answered: the image on success, an errcode (as JSON) on failure. */
export type WxacodeOutcome =
  | { ok: true; png: Buffer }
  | { ok: false; failure: 'token_rejected' | 'rate_limited' | 'upstream'; detail: string };

export interface WxacodeRequest {
  /** ≤ 32 visible characters, passed to the page as `scene` (e.g. `g=12&l=K7M3XQ9P`). */
  scene: string;
  /** Page path without a leading slash, e.g. `pages/campaign/index`. */
  page: string;
  /** Width in px (280–1280). */
  width: number;
}

const RATE_LIMIT_ERRCODE = 45009;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The scene WeChat accepts: 1–32 of its allowed characters. */
export function isValidScene(scene: string): boolean {
  return /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/.test(scene);
}

/**
 * Interprets the answer by its bytes rather than its content-type: WeChat answers errors as JSON
 * (sometimes labelled image/jpeg) and the code as an image.
 */
export function interpretWxacode(httpStatus: number, body: Buffer): WxacodeOutcome {
  if (httpStatus < 200 || httpStatus >= 300)
    return { ok: false, failure: 'upstream', detail: `HTTP ${httpStatus}` };
  if (body.subarray(0, 4).equals(PNG_SIGNATURE) || body.subarray(0, 3).equals(JPEG_SIGNATURE)) {
    return { ok: true, png: body };
  }
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, failure: 'upstream', detail: 'neither an image nor JSON' };
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const errcode = typeof record.errcode === 'number' ? record.errcode : NaN;
  const detail = `errcode ${errcode}: ${typeof record.errmsg === 'string' ? record.errmsg : ''}`.trim();
  if (TOKEN_REJECTED_ERRCODES.has(errcode)) return { ok: false, failure: 'token_rejected', detail };
  if (errcode === RATE_LIMIT_ERRCODE) return { ok: false, failure: 'rate_limited', detail };
  return { ok: false, failure: 'upstream', detail };
}
