import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrderEventPayload } from '@linli/shared-types';
import { APP_CONFIG, type AppConfig, OnOutboxEvent, type OutboxEvent } from '../../../platform';
import { CampaignOrderingService } from '../../campaigns';
import { WechatClient } from '../../identity';
import { MembersService } from '../../members';
import { ORDER_EVENTS } from '../order-timeline';
import { OrderEntity } from '../persistence/order.entity';

/** The templates a buyer is asked to accept when ordering (none without WeChat or a configured template). */
export function subscribeTemplateIds(config: AppConfig): string[] {
  const template = config.orders.pickupReadyTemplateId;
  return template && config.wechat ? [template] : [];
}

/**
 * Tells the buyer their goods are ready for pickup (a WeChat subscription message, template
 * WECHAT_TEMPLATE_PICKUP_READY). Without WeChat or a template it only logs, so the demo shows what would
 * have been sent. A buyer who did not subscribe is not an error. Runs from the outbox, once per event.
 */
@Injectable()
export class PickupReadyNotifier {
  private readonly logger = new Logger(PickupReadyNotifier.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly members: MembersService,
    private readonly campaigns: CampaignOrderingService,
  ) {}

  @OnOutboxEvent(ORDER_EVENTS.ready, 'orders.notifyPickupReady')
  async onReady(event: OutboxEvent, m: EntityManager): Promise<void> {
    const payload = event.payload as unknown as OrderEventPayload;
    const order = await m.getRepository(OrderEntity).findOneBy({ id: payload.orderId });
    // Picked up or refunded before the message went out: nothing to announce any more.
    if (!order || order.status !== 'ready_for_pickup') return;
    const buyer = (await this.members.contactsOf([order.memberId], m)).get(order.memberId);
    const campaign = (await this.campaigns.headersOf([order.campaignId], m)).get(order.campaignId);
    const point = order.pickupSnapshot.pickupPoint;
    const message = {
      openid: buyer?.openid ?? '',
      templateId: this.config.orders.pickupReadyTemplateId ?? '',
      page: `pages/order/index?id=${order.id}`,
      data: {
        thing1: (campaign?.title ?? '团购商品').slice(0, 20),
        character_string2: order.pickupCode ?? '',
        thing3: (point?.name ?? order.pickupSnapshot.leaderName).slice(0, 20),
        thing4: (point?.address ?? '').slice(0, 20),
      },
    };
    if (!this.wechat.isConfigured() || !this.config.orders.pickupReadyTemplateId) {
      this.logger.log(
        { orderId: order.id, message },
        'pickup-ready message (WeChat not configured: logged only)',
      );
      return;
    }
    const outcome = await this.wechat.sendSubscribeMessage(message);
    if (!outcome.ok) this.logger.warn({ orderId: order.id, outcome }, 'pickup-ready message not delivered');
  }
}
