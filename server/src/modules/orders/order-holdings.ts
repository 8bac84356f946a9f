import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, type RequestContext } from '../../platform';
import { CampaignOrderingService } from '../campaigns';
import { InventoryService } from '../inventory';
import { FlashSaleGuard } from './flash-sale-guard';
import type { OrderRecord } from './persistence/order.repository';
import { releaseQuotas } from './persistence/order.repository';

/**
 * What an open order holds: reserved stock, units of the campaign's counters, the buyer's per-item
 * quota and, for a flash sale, units of the gate. Given back together when an order ends without being
 * handed over (closed, cancelled, refunded before pickup), in the caller's transaction (the gate after
 * commit: it is outside the database).
 */
@Injectable()
export class OrderHoldings {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly inventory: InventoryService,
    private readonly campaigns: CampaignOrderingService,
    private readonly gate: FlashSaleGuard,
  ) {}

  async release(m: EntityManager, ctx: RequestContext, record: OrderRecord): Promise<void> {
    const { order, lines } = record;
    const itemLines = lines.map((l) => ({ itemId: l.campaignItemId, quantity: l.quantity }));
    if (order.stockLines.length > 0) {
      await this.inventory.release(m, ctx, {
        lines: order.stockLines,
        orderId: order.id,
        requestKey: order.orderNo,
      });
    }
    await this.campaigns.revertSale(m, itemLines);
    await releaseQuotas(m, order.memberId, itemLines);
    if (order.flashSale) {
      const giveBack = () => void this.gate.giveBack(order.campaignId, order.memberId, itemLines);
      if (!this.tx.afterCommit(m, giveBack)) giveBack();
    }
  }

  /** Units no longer count against the buyer's limit (a refund after pickup: the stock stays sold). */
  async releaseQuotaOnly(m: EntityManager, record: OrderRecord): Promise<void> {
    await releaseQuotas(
      m,
      record.order.memberId,
      record.lines.map((l) => ({ itemId: l.campaignItemId, quantity: l.quantity })),
    );
  }
}
