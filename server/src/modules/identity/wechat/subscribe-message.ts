import { TOKEN_REJECTED_ERRCODES } from '../domain/wechat-phone';

/** A subscription message (订阅消息) to one user. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** Mini-program page the message opens, e.g. `pages/order/index?id=12`. */
  page: string;
  /** Template fields, e.g. { thing1: '周末鲜果团', character_string2: '004211' }. */
  data: Record<string, string>;
}

/**
 * What `message/subscribe/send` answered. `not_subscribed`: the user did not accept this template (or
 * used up their one-time acceptance): nothing to retry.
 */
export type SubscribeOutcome =
  | { ok: true }
  | { ok: false; failure: 'token_rejected' | 'not_subscribed' | 'rejected' | 'upstream'; detail: string };

/** 43101: the user refused (or has no acceptance left); 47003/40037: bad template data or id. */
const NOT_SUBSCRIBED = 43101;
const REJECTED = new Set([40003, 40037, 41030, 47003]);

export function interpretSubscribeSend(httpStatus: number, body: unknown): SubscribeOutcome {
  if (httpStatus < 200 || httpStatus >= 300)
    return { ok: false, failure: 'upstream', detail: `HTTP ${httpStatus}` };
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errcode = typeof record.errcode === 'number' ? record.errcode : NaN;
  if (errcode === 0) return { ok: true };
  const detail = `errcode ${errcode}: ${typeof record.errmsg === 'string' ? record.errmsg : ''}`.trim();
  if (TOKEN_REJECTED_ERRCODES.has(errcode)) return { ok: false, failure: 'token_rejected', detail };
  if (errcode === NOT_SUBSCRIBED) return { ok: false, failure: 'not_subscribed', detail };
  if (REJECTED.has(errcode)) return { ok: false, failure: 'rejected', detail };
  return { ok: false, failure: 'upstream', detail };
}

/** Template values are cut to WeChat's per-kind limits (thing: 20 characters). */
export function templateValue(value: string, max = 20): string {
  return [...value].slice(0, max).join('');
}
