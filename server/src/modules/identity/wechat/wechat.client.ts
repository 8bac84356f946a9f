import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, BusinessError, UnauthenticatedError } from '../../../platform';
import { interpretCode2Session, type WechatSession } from '../domain/wechat-session';

const TIMEOUT_MS = 5000;

/**
 * HTTPS client of the WeChat mini-program server API (configured by WECHAT_APPID / WECHAT_SECRET,
 * base URL WECHAT_API_BASE so tests can point it at a local fake).
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  isConfigured(): boolean {
    return this.config.wechat !== null;
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
