/** A cached `cgi-bin/token` answer. */
export interface WechatAccessToken {
  value: string;
  /** Epoch ms after which the token is fetched again (5 minutes before WeChat expires it). */
  refreshAfter: number;
}

export type AccessTokenOutcome =
  | { ok: true; token: WechatAccessToken }
  | { ok: false; failure: 'rate_limited' | 'upstream'; detail: string };

/** The phone number of a getPhoneNumber code. */
export interface WechatPhone {
  /** Without country code, e.g. 13800138000. */
  purePhoneNumber: string;
  /** e.g. 86 */
  countryCode: string;
}

export type PhoneNumberOutcome =
  | { ok: true; phone: WechatPhone }
  | {
      ok: false;
      failure: 'code_invalid' | 'token_rejected' | 'rate_limited' | 'upstream';
      detail: string;
    };

/** Refresh this long before WeChat's own expiry, so no request goes out with a token about to die. */
export const ACCESS_TOKEN_MARGIN_SECONDS = 300;
/** errcodes meaning "this access token is no good": invalid (40001), expired (42001), not latest (40014). */
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([40001, 42001, 40014]);
/** errcodes meaning "this phone code is no good": invalid (40029) or already used (40163). */
const INVALID_CODE_ERRCODES = new Set([40029, 40163]);
const RATE_LIMIT_ERRCODE = 45011;

interface WechatError {
  errcode: number;
  detail: string;
}

/** Non-2xx, non-JSON or a non-zero errcode, as a detail for the log; null when the answer is a success. */
function wechatErrorOf(httpStatus: number, body: unknown): WechatError | null {
  if (httpStatus < 200 || httpStatus >= 300) return { errcode: NaN, detail: `HTTP ${httpStatus}` };
  if (typeof body !== 'object' || body === null) return { errcode: NaN, detail: 'non-JSON body' };
  const b = body as Record<string, unknown>;
  const errcode = typeof b.errcode === 'number' ? b.errcode : 0;
  if (errcode === 0) return null;
  return { errcode, detail: `errcode ${errcode}: ${typeof b.errmsg === 'string' ? b.errmsg : ''}`.trim() };
}

/** Interprets `GET cgi-bin/token?grant_type=client_credential` ({access_token, expires_in} or errcode). */
export function interpretAccessToken(httpStatus: number, body: unknown, nowMs: number): AccessTokenOutcome {
  const error = wechatErrorOf(httpStatus, body);
  if (error) {
    const failure = error.errcode === RATE_LIMIT_ERRCODE ? 'rate_limited' : 'upstream';
    return { ok: false, failure, detail: error.detail };
  }
  const b = body as Record<string, unknown>;
  if (typeof b.access_token !== 'string' || b.access_token.length === 0) {
    return { ok: false, failure: 'upstream', detail: 'missing access_token' };
  }
  const expiresIn = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : 0;
  const usableSeconds = Math.max(expiresIn - ACCESS_TOKEN_MARGIN_SECONDS, 0);
  return { ok: true, token: { value: b.access_token, refreshAfter: nowMs + usableSeconds * 1000 } };
}

/**
 * Interprets `POST wxa/business/getuserphonenumber`: {errcode: 0, phone_info: {purePhoneNumber,
 * countryCode, …}} on success. A rejected access token is reported apart so the caller refreshes it.
 */
export function interpretPhoneNumber(httpStatus: number, body: unknown): PhoneNumberOutcome {
  const error = wechatErrorOf(httpStatus, body);
  if (error) {
    const { errcode, detail } = error;
    if (TOKEN_REJECTED_ERRCODES.has(errcode)) return { ok: false, failure: 'token_rejected', detail };
    if (INVALID_CODE_ERRCODES.has(errcode)) return { ok: false, failure: 'code_invalid', detail };
    if (errcode === RATE_LIMIT_ERRCODE) return { ok: false, failure: 'rate_limited', detail };
    return { ok: false, failure: 'upstream', detail };
  }
  const info = (body as Record<string, unknown>).phone_info;
  const phoneInfo = typeof info === 'object' && info !== null ? (info as Record<string, unknown>) : {};
  const pure = phoneInfo.purePhoneNumber;
  if (typeof pure !== 'string' || !/^\d{5,15}$/.test(pure)) {
    return { ok: false, failure: 'upstream', detail: 'missing phone_info.purePhoneNumber' };
  }
  const countryCode =
    typeof phoneInfo.countryCode === 'string' && /^\d{1,4}$/.test(phoneInfo.countryCode)
      ? phoneInfo.countryCode
      : '86';
  return { ok: true, phone: { purePhoneNumber: pure, countryCode } };
}
