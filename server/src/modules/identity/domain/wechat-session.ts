/** The useful part of a successful jscode2session answer. */
export interface WechatSession {
  openid: string;
  unionid: string | null;
  sessionKey: string;
}

export type Code2SessionOutcome =
  | { ok: true; session: WechatSession }
  | { ok: false; failure: 'code_invalid' | 'rate_limited' | 'upstream'; detail: string };

/** errcodes that mean "this login code is no good": invalid (40029) or already used (40163). */
const INVALID_CODE_ERRCODES = new Set([40029, 40163]);
const RATE_LIMIT_ERRCODE = 45011;

/**
 * Interprets the HTTP status and JSON body of `GET /sns/jscode2session`. WeChat answers HTTP 200 with an
 * `errcode` on failure; a success has `openid` and `session_key` (and `unionid` when bound to an open platform).
 */
export function interpretCode2Session(httpStatus: number, body: unknown): Code2SessionOutcome {
  if (httpStatus < 200 || httpStatus >= 300) {
    return { ok: false, failure: 'upstream', detail: `HTTP ${httpStatus}` };
  }
  if (typeof body !== 'object' || body === null) {
    return { ok: false, failure: 'upstream', detail: 'non-JSON body' };
  }
  const b = body as Record<string, unknown>;
  const errcode = typeof b.errcode === 'number' ? b.errcode : 0;
  if (errcode !== 0) {
    const detail = `errcode ${errcode}: ${typeof b.errmsg === 'string' ? b.errmsg : ''}`.trim();
    if (INVALID_CODE_ERRCODES.has(errcode)) return { ok: false, failure: 'code_invalid', detail };
    if (errcode === RATE_LIMIT_ERRCODE) return { ok: false, failure: 'rate_limited', detail };
    return { ok: false, failure: 'upstream', detail };
  }
  if (typeof b.openid !== 'string' || b.openid.length === 0 || b.openid.length > 64) {
    return { ok: false, failure: 'upstream', detail: 'missing openid' };
  }
  return {
    ok: true,
    session: {
      openid: b.openid,
      unionid: typeof b.unionid === 'string' && b.unionid.length > 0 ? b.unionid : null,
      sessionKey: typeof b.session_key === 'string' ? b.session_key : '',
    },
  };
}
