import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, BusinessError, UnauthenticatedError } from '../../../platform';
import {
  interpretAccessToken,
  interpretPhoneNumber,
  type WechatAccessToken,
  type WechatPhone,
} from '../domain/wechat-phone';
import { interpretCode2Session, type WechatSession } from '../domain/wechat-session';
import { interpretSubscribeSend, type SubscribeMessage, type SubscribeOutcome } from './subscribe-message';
import { interpretWxacode, isValidScene, type WxacodeOutcome, type WxacodeRequest } from './wxacode';

const TIMEOUT_MS = 5000;

/**
 * HTTPS client of the WeChat mini-program server API (configured by WECHAT_APPID / WECHAT_SECRET,
 * base URL WECHAT_API_BASE so tests can point it at a local fake).
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  /** The server API access token, shared by every call of this process until shortly before expiry. */
  private accessToken: WechatAccessToken | null = null;
  /** The token request in flight: concurrent callers wait for it instead of sending their own. */
  private accessTokenRequest: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  isConfigured(): boolean {
    return this.config.wechat !== null;
  }

  /**
   * The phone number behind a getPhoneNumber button's code (`e.detail.code`). A token WeChat rejects
   * (expired, or replaced by another process fetching one) is refreshed once and the call retried.
   */
  async getPhoneNumber(code: string): Promise<WechatPhone> {
    this.requireConfig();
    let token = await this.currentAccessToken();
    let outcome = await this.requestPhoneNumber(token, code);
    if (!outcome.ok && outcome.failure === 'token_rejected') {
      this.logger.warn({ detail: outcome.detail }, 'access token rejected; refreshing once');
      token = await this.refreshedAccessToken(token);
      outcome = await this.requestPhoneNumber(token, code);
    }
    if (outcome.ok) return outcome.phone;
    if (outcome.failure === 'code_invalid') {
      throw new BusinessError('MEMBER_PHONE_CODE_INVALID', '手机号授权已失效，请重新点击获取手机号');
    }
    this.logger.warn({ detail: outcome.detail }, 'getuserphonenumber refused');
    if (outcome.failure === 'rate_limited') {
      throw new BusinessError('RATE_LIMITED', '微信接口请求过于频繁，请稍后再试', 429);
    }
    throw upstreamError();
  }

  /**
   * A mini-program code (wxacode.getUnlimited) as PNG bytes. Like getPhoneNumber, a rejected access token
   * is refreshed once and the call retried; any other failure is 502 WECHAT_QRCODE_FAILED.
   */
  async getUnlimitedQrCode(request: WxacodeRequest): Promise<Buffer> {
    this.requireConfig();
    if (!isValidScene(request.scene)) throw new Error(`invalid wxacode scene: ${request.scene}`);
    const failed = () => new BusinessError('WECHAT_QRCODE_FAILED', '生成小程序码失败，请稍后再试', 502);
    // A token WeChat will not give is the same failure to the poster as a code it will not draw.
    const tokenOrFail = (get: Promise<string>) => get.catch(() => Promise.reject(failed()));
    let token = await tokenOrFail(this.currentAccessToken());
    let outcome = await this.requestWxacode(token, request);
    if (!outcome.ok && outcome.failure === 'token_rejected') {
      this.logger.warn({ detail: outcome.detail }, 'access token rejected; refreshing once');
      token = await tokenOrFail(this.refreshedAccessToken(token));
      outcome = await this.requestWxacode(token, request);
    }
    if (outcome.ok) return outcome.png;
    this.logger.warn({ detail: outcome.detail }, 'getwxacodeunlimit refused');
    throw failed();
  }

  /**
   * Sends a subscription message (订阅消息). 'not_subscribed' and 'rejected' are final answers (the caller
   * logs them); a rejected access token is refreshed once; anything else throws so a job retries it.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeOutcome> {
    this.requireConfig();
    const send = async (token: string) => {
      const url = this.apiUrl('cgi-bin/message/subscribe/send', { access_token: token });
      const { status, body } = await this.call(url, 'subscribe/send', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: message.openid,
          template_id: message.templateId,
          page: message.page,
          data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        }),
      });
      return interpretSubscribeSend(status, body);
    };
    let token = await this.currentAccessToken();
    let outcome = await send(token);
    if (!outcome.ok && outcome.failure === 'token_rejected') {
      token = await this.refreshedAccessToken(token);
      outcome = await send(token);
    }
    if (!outcome.ok && (outcome.failure === 'upstream' || outcome.failure === 'token_rejected')) {
      throw new Error(`subscribe/send failed: ${outcome.detail}`);
    }
    return outcome;
  }

  private async requestWxacode(token: string, request: WxacodeRequest): Promise<WxacodeOutcome> {
    const url = this.apiUrl('wxa/getwxacodeunlimit', { access_token: token });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          scene: request.scene,
          page: request.page,
          check_path: false,
          width: request.width,
        }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return interpretWxacode(response.status, Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      this.logger.warn({ err: error }, 'getwxacodeunlimit request failed');
      return { ok: false, failure: 'upstream', detail: 'request failed' };
    }
  }

  private async requestPhoneNumber(token: string, code: string) {
    const url = this.apiUrl('wxa/business/getuserphonenumber', { access_token: token });
    const { status, body } = await this.call(url, 'getuserphonenumber', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    return interpretPhoneNumber(status, body);
  }

  private async currentAccessToken(): Promise<string> {
    if (this.accessToken && Date.now() < this.accessToken.refreshAfter) return this.accessToken.value;
    return this.fetchAccessTokenOnce();
  }

  /** A new token unless another caller already replaced the rejected one meanwhile. */
  private async refreshedAccessToken(rejected: string): Promise<string> {
    if (this.accessToken && this.accessToken.value !== rejected) return this.accessToken.value;
    this.accessToken = null;
    return this.fetchAccessTokenOnce();
  }

  private fetchAccessTokenOnce(): Promise<string> {
    this.accessTokenRequest ??= this.fetchAccessToken().finally(() => {
      this.accessTokenRequest = null;
    });
    return this.accessTokenRequest;
  }

  private async fetchAccessToken(): Promise<string> {
    const wechat = this.requireConfig();
    const url = this.apiUrl('cgi-bin/token', {
      grant_type: 'client_credential',
      appid: wechat.appId,
      secret: wechat.secret,
    });
    const { status, body } = await this.call(url, 'cgi-bin/token');
    const outcome = interpretAccessToken(status, body, Date.now());
    if (!outcome.ok) {
      this.logger.warn({ detail: outcome.detail }, 'cgi-bin/token refused');
      throw upstreamError();
    }
    this.accessToken = outcome.token;
    return outcome.token.value;
  }

  private requireConfig(): NonNullable<AppConfig['wechat']> {
    const wechat = this.config.wechat;
    if (!wechat) {
      throw new BusinessError('AUTH_WECHAT_NOT_CONFIGURED', '服务器未配置微信小程序', 503);
    }
    return wechat;
  }

  /** Relative to the base, so a proxy prefix in WECHAT_API_BASE (https://gw.example/wx/) is kept. */
  private apiUrl(path: string, query: Record<string, string>): URL {
    const base = this.requireConfig().apiBase;
    const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
    url.search = new URLSearchParams(query).toString();
    return url;
  }

  private async call(
    url: URL,
    label: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: unknown }> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      return { status: response.status, body: await response.json().catch(() => null) };
    } catch (error) {
      this.logger.warn({ err: error }, `${label} request failed`);
      throw upstreamError();
    }
  }

  /** Exchanges a `wx.login()` code for the user's openid (and unionid). */
  async code2Session(code: string): Promise<WechatSession> {
    const wechat = this.config.wechat;
    if (!wechat) {
      throw new BusinessError('AUTH_WECHAT_NOT_CONFIGURED', '服务器未配置微信小程序登录', 503);
    }
    // Relative to the base, so a proxy prefix in WECHAT_API_BASE (https://gw.example/wx/) is kept.
    const url = new URL(
      'sns/jscode2session',
      wechat.apiBase.endsWith('/') ? wechat.apiBase : `${wechat.apiBase}/`,
    );
    url.search = new URLSearchParams({
      appid: wechat.appId,
      secret: wechat.secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();

    let status: number;
    let body: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      status = response.status;
      body = await response.json().catch(() => null);
    } catch (error) {
      this.logger.warn({ err: error }, 'jscode2session request failed');
      throw upstreamError();
    }
    const outcome = interpretCode2Session(status, body);
    if (outcome.ok) return outcome.session;
    if (outcome.failure === 'code_invalid') {
      throw new UnauthenticatedError('AUTH_WECHAT_CODE_INVALID', '微信登录凭证无效或已使用，请重新登录');
    }
    this.logger.warn({ detail: outcome.detail }, 'jscode2session refused');
    if (outcome.failure === 'rate_limited') {
      throw new BusinessError('RATE_LIMITED', '微信登录请求过于频繁，请稍后再试', 429);
    }
    throw upstreamError();
  }
}

function upstreamError(): BusinessError {
  return new BusinessError('AUTH_WECHAT_UNAVAILABLE', '微信登录服务暂时不可用，请稍后再试', 502);
}
