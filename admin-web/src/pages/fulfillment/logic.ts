import type {
  DeliverySheet,
  FulfillmentWaveDetail,
  PickList,
  PickSummary,
  PurchaseListLine,
} from '@linli/shared-types';

// ---- the wave's flow (截单 → 采购 → 拣货 → 发货 → 到货 → 已提货) ----------------------------------------------

export type FlowStepStatus = 'wait' | 'process' | 'finish';

export interface FlowStep {
  key: 'cutoff' | 'purchase' | 'pick' | 'ship' | 'arrive' | 'pickup';
  title: string;
  /** The figure under the step, e.g. `12 单` or `1/2 张已入库`. */
  figure: string;
  /** What the figure means. */
  caption: string;
  status: FlowStepStatus;
}

const stepStatus = (done: number, total: number): FlowStepStatus =>
  total > 0 && done >= total ? 'finish' : done > 0 ? 'process' : 'wait';

/**
 * The board's six steps with their counts. Orders move 已截单 → 已发货 → 待提货 → 已提货, so an order that reached
 * a later step counts for every step before it; 采购 counts purchase lists (received of generated), 拣货 the
 * orders still waiting in the warehouse.
 */
export function waveFlow(wave: FulfillmentWaveDetail): FlowStep[] {
  const { locked, shipped, readyForPickup, pickedUp, total } = wave.counts;
  const lists = wave.purchaseLists;
  const received = lists.filter((l) => l.status === 'received').length;
  const left = shipped + readyForPickup + pickedUp;
  const arrived = readyForPickup + pickedUp;
  return [
    {
      key: 'cutoff',
      title: '截单',
      figure: `${total} 单`,
      caption: wave.counts.refunded > 0 ? `另有 ${wave.counts.refunded} 单已退款` : '已锁定备货',
      status: total > 0 ? 'finish' : 'wait',
    },
    {
      key: 'purchase',
      title: '采购',
      figure: lists.length === 0 ? '未生成' : `${received}/${lists.length} 张已入库`,
      caption: lists.length === 0 ? '按供应商生成采购单' : `${lists.length} 张采购单`,
      status: lists.length === 0 ? 'wait' : stepStatus(received, lists.length),
    },
    {
      key: 'pick',
      title: '拣货',
      figure: `${locked} 单待发`,
      caption: '按自提点拣货装箱',
      status: total === 0 ? 'wait' : locked === 0 ? 'finish' : 'process',
    },
    {
      key: 'ship',
      title: '发货',
      figure: `${left} 单`,
      caption: '线路已发车',
      status: stepStatus(left, total),
    },
    {
      key: 'arrive',
      title: '到货',
      figure: `${arrived} 单`,
      caption: '团长确认到货',
      status: stepStatus(arrived, total),
    },
    {
      key: 'pickup',
      title: '已提货',
      figure: `${pickedUp} 单`,
      caption: '买家已核销提货',
      status: stepStatus(pickedUp, total),
    },
  ];
}

// ---- route stops ordering ---------------------------------------------------------------------------------

/** The list with the item at `from` moved to `to` (both clamped; the same list when nothing moves). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const last = items.length - 1;
  const target = Math.max(0, Math.min(last, to));
  if (from < 0 || from > last || from === target) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** Adds a stop at the end unless the route has it already. */
export function addStop<T extends { leaderId: number }>(stops: readonly T[], stop: T): T[] {
  return stops.some((s) => s.leaderId === stop.leaderId) ? [...stops] : [...stops, stop];
}

// ---- purchase list editing ----------------------------------------------------------------------------------

/** The lines whose edited quantity differs from the list's (what `PUT …/lines` needs). */
export function changedLines(
  lines: readonly PurchaseListLine[],
  edits: Readonly<Record<number, number | null | undefined>>,
): Array<{ skuId: number; quantity: number }> {
  const out: Array<{ skuId: number; quantity: number }> = [];
  for (const line of lines) {
    const edited = edits[line.skuId];
    if (edited === undefined || edited === null || edited === line.quantity) continue;
    out.push({ skuId: line.skuId, quantity: edited });
  }
  return out;
}

// ---- print grouping ----------------------------------------------------------------------------------------

/** The pick lists a print page shows: all of them, or the one point asked for. */
export function pickListsToPrint(lists: readonly PickList[], leaderId?: number): PickList[] {
  return leaderId === undefined ? [...lists] : lists.filter((l) => l.leaderId === leaderId);
}

export interface SummaryPrintBlock {
  points: PickSummary['points'];
  rows: Array<{
    skuId: number;
    productName: string;
    specText: string;
    unit: string;
    quantity: number;
    /** Per point of the block, in its order (0 where the point needs none). */
    byPoint: number[];
  }>;
}

/**
 * The wave summary as print tables of at most `perBlock` point columns each (an A4 page is not wide enough
 * for every point of a large wave): every block repeats the SKU rows with their totals.
 */
export function summaryPrintBlocks(summary: PickSummary, perBlock = 6): SummaryPrintBlock[] {
  const size = Math.max(1, perBlock);
  const blocks: SummaryPrintBlock[] = [];
  const points = summary.points.length > 0 ? summary.points : [];
  for (let start = 0; start < Math.max(points.length, 1); start += size) {
    const slice = points.slice(start, start + size);
    blocks.push({
      points: slice,
      rows: summary.lines.map((line) => {
        const by = new Map(line.byPoint.map((p) => [p.leaderId, p.quantity]));
        return {
          skuId: line.skuId,
          productName: line.productName,
          specText: line.specText,
          unit: line.unit,
          quantity: line.quantity,
          byPoint: slice.map((p) => by.get(p.leaderId) ?? 0),
        };
      }),
    });
  }
  return blocks;
}

/** Orders of a delivery sheet that shipping the route now would move to 已发货. */
export function ordersToShip(sheet: Pick<DeliverySheet, 'stops'>): number {
  return sheet.stops.reduce((sum, stop) => sum + stop.lockedCount, 0);
}

/** `幸福里自提点 · 张三`, the way print pages and tables name a stop. */
export function pointLabel(pickupPointName: string | null | undefined, leaderName: string): string {
  return pickupPointName ? `${pickupPointName} · ${leaderName}` : `${leaderName}（未设置自提点）`;
}
