import { Controller, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BusinessError, Public } from '../../../platform';
import { PaymentNotificationsService } from '../payment-notifications.service';

/**
 * WeChat Pay posts payment and refund notifications here (notify_url). Public (WeChat signs them; the
 * pipeline verifies), not rate limited (a burst of payments must not be turned away), and answered 204
 * on success: any other answer makes WeChat send it again later, which is what we want after a failure.
 */
@ApiExcludeController()
@Controller('payments/wechatpay')
export class WechatPayNotifyController {
  constructor(private readonly notifications: PaymentNotificationsService) {}

  @Public()
  @Post('notify')
  @HttpCode(204)
  @RouteConfig({ rateLimit: false })
  async notify(@Req() request: RawBodyRequest<FastifyRequest>): Promise<void> {
    const raw = request.rawBody;
    if (!raw || raw.length === 0) {
      throw new BusinessError('PAYMENT_NOTIFICATION_INVALID', '通知内容为空', 400);
    }
    await this.notifications.handle(request.headers, raw.toString('utf8'));
  }
}
