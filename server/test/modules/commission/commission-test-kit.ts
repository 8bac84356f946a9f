import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import type { CommissionEntryView, LeaderCommissionOverview, OrderDetail, Paged } from '@linli/shared-types';
import type { TestApp } from '../../support/test-app';
import { eventually } from '../campaigns/campaigns-test-kit';
import { bearer } from '../support/modules-test-kit';
import {
  buyerAt,
  leaderToken,
  payWithSimulator,
  placedOrder,
  raceCampaign,
  type OrdersWorld,
} from '../orders/orders-test-kit';

/** A paid order of `quantity` units at 9.90 of a fresh SKU, at the named demo leader. */
export async function paidOrderAt(
  world: OrdersWorld,
  leaderName = '王丽华',
  quantity = 1,
): Promise<{ order: OrderDetail; buyerToken: string; skuId: number }> {
  const { campaign, itemId, skuId } = await raceCampaign(world, { stock: 100 });
  const buyer = await buyerAt(world, leaderName);
  const placed = await placedOrder(world.t, buyer.token, {
    campaignId: campaign.id,
    lines: [{ itemId, quantity }],
  });
  const order = await payWithSimulator(world.t, buyer.token, placed.id);
  return { order, buyerToken: buyer.token, skuId };
}

/** The leader verifies the pickup code: the order is completed (picked up). */
export async function pickUp(world: OrdersWorld, order: OrderDetail, leaderName = '王丽华'): Promise<void> {
  const leader = await leaderToken(world, leaderName);
  await world.t
    .http()
    .post('/api/app/leader/pickups/verify')
    .set(...bearer(leader))
    .send({ code: order.pickupCode })
    .expect(200);
}

/** Commission entries of one order, as staff see them (oldest first). */
export async function entriesOfOrder(
  t: TestApp,
  admin: string,
  orderNo: string,
): Promise<CommissionEntryView[]> {
  const res = await t
    .http()
    .get(`/api/admin/commission/entries?orderNo=${encodeURIComponent(orderNo)}&pageSize=100`)
    .set(...bearer(admin))
    .expect(200);
  return [...(res.body as Paged<CommissionEntryView>).items].sort((a, b) => a.id - b.id);
}

/** Waits until the order has at least `count` entries (the outbox and the queue deliver within seconds). */
export async function awaitEntries(
  t: TestApp,
  admin: string,
  orderNo: string,
  count = 1,
): Promise<CommissionEntryView[]> {
  let entries: CommissionEntryView[] = [];
  await eventually(async () => {
    entries = await entriesOfOrder(t, admin, orderNo);
    return entries.length >= count;
  });
  return entries;
}

export async function overviewOf(t: TestApp, leaderToken: string): Promise<LeaderCommissionOverview> {
  const res = await t
    .http()
    .get('/api/app/leader/commission')
    .set(...bearer(leaderToken))
    .expect(200);
  return res.body as LeaderCommissionOverview;
}

/** Makes every frozen entry of the leader due now (the after-sales window passed) and runs the sweep. */
export async function thawAll(t: TestApp, leaderId: number): Promise<void> {
  await t.dataSource.query(`UPDATE commission_entries SET available_at = ? WHERE leader_id = ?`, [
    '2000-01-01 00:00:00',
    leaderId,
  ]);
}

/** Collects a binary response body (supertest's `.parse`) so an Excel download can be opened. */
export function binaryBody(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Opens an .xlsx download (exceljs types its Buffer parameter against an older @types/node). */
export async function openWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const bytes = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  await book.xlsx.load(bytes);
  return book;
}
