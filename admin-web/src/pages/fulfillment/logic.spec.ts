import { describe, expect, it } from 'vitest';
import type { FulfillmentWaveDetail, PickList, PickSummary, PurchaseListLine } from '@linli/shared-types';
import {
  addStop,
  changedLines,
  moveItem,
  ordersToShip,
  pickListsToPrint,
  pointLabel,
  summaryPrintBlocks,
  waveFlow,
} from './logic';

function wave(
  counts: Partial<FulfillmentWaveDetail['counts']>,
  lists: Array<'draft' | 'ordered' | 'received'> = [],
) {
  const c = { locked: 0, shipped: 0, readyForPickup: 0, pickedUp: 0, refunded: 0, ...counts };
  return {
    id: 1,
    campaignId: 1,
    campaignTitle: '周末鲜果团',
    cutoffAt: '2026-12-01T12:00:00.000Z',
    pickupDate: '2026-12-02',
    lockedAt: '2026-12-01T12:00:05.000Z',
    counts: { ...c, total: c.locked + c.shipped + c.readyForPickup + c.pickedUp },
    purchaseLists: lists.map((status, i) => ({
      id: i + 1,
      listNo: `CG${i}`,
      waveId: 1,
      supplierId: null,
      supplierName: '未指定供应商',
      status,
      lineCount: 1,
      totalQuantity: 1,
      totalAmount: 100,
      orderedAt: null,
      receivedAt: null,
    })),
    routes: [],
    unroutedPoints: [],
  } satisfies FulfillmentWaveDetail;
}

describe('waveFlow', () => {
  it('counts an order for every step it has passed', () => {
    const steps = waveFlow(wave({ locked: 2, shipped: 3, readyForPickup: 4, pickedUp: 1, refunded: 1 }));
    expect(steps.map((s) => s.title)).toEqual(['截单', '采购', '拣货', '发货', '到货', '已提货']);
    expect(steps.map((s) => s.figure)).toEqual(['10 单', '未生成', '2 单待发', '8 单', '5 单', '1 单']);
    expect(steps[0]!.caption).toBe('另有 1 单已退款');
    expect(steps.map((s) => s.status)).toEqual([
      'finish',
      'wait',
      'process',
      'process',
      'process',
      'process',
    ]);
  });

  it('finishes purchase when every list is received and shipping when nothing is locked', () => {
    const steps = waveFlow(wave({ shipped: 4 }, ['received', 'received']));
    expect(steps[1]).toMatchObject({ figure: '2/2 张已入库', status: 'finish' });
    expect(steps[2]!.status).toBe('finish');
    expect(steps[3]!.status).toBe('finish');
    expect(steps[4]!.status).toBe('wait');
  });

  it('leaves an empty wave waiting', () => {
    expect(waveFlow(wave({}, ['draft'])).map((s) => s.status)).toEqual([
      'wait',
      'wait',
      'wait',
      'wait',
      'wait',
      'wait',
    ]);
  });
});

describe('moveItem / addStop', () => {
  it('moves up, down and by drag, clamping at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('does not add a point twice', () => {
    const stops = [{ leaderId: 1 }, { leaderId: 2 }];
    expect(addStop(stops, { leaderId: 2 })).toEqual(stops);
    expect(addStop(stops, { leaderId: 3 })).toEqual([...stops, { leaderId: 3 }]);
  });
});

describe('changedLines', () => {
  const line = (skuId: number, quantity: number) => ({ skuId, quantity }) as PurchaseListLine;
  it('keeps only real changes', () => {
    expect(changedLines([line(1, 5), line(2, 3), line(3, 0)], { 1: 5, 2: 0, 3: null, 4: 9 })).toEqual([
      { skuId: 2, quantity: 0 },
    ]);
  });
});

describe('print grouping', () => {
  const summary: PickSummary = {
    waveId: 1,
    campaignTitle: '周末鲜果团',
    pickupDate: '2026-12-02',
    pointCount: 3,
    orderCount: 4,
    totalQuantity: 9,
    points: [
      { leaderId: 7, leaderName: '王丽华', pickupPointName: '幸福里' },
      { leaderId: 3, leaderName: '陈建国', pickupPointName: null },
      { leaderId: 5, leaderName: '刘晓燕', pickupPointName: '阳光苑' },
    ],
    lines: [
      {
        skuId: 11,
        productName: '砂糖橘',
        specText: '5斤',
        unit: '箱',
        quantity: 6,
        orders: [],
        byPoint: [
          { leaderId: 5, quantity: 2 },
          { leaderId: 7, quantity: 4 },
        ],
      },
      {
        skuId: 12,
        productName: '鸡蛋',
        specText: '30枚',
        unit: '盒',
        quantity: 3,
        orders: [],
        byPoint: [{ leaderId: 3, quantity: 3 }],
      },
    ],
  };

  it('splits the point columns into blocks, in the summary order, with zeros where a point needs none', () => {
    const blocks = summaryPrintBlocks(summary, 2);
    expect(blocks.map((b) => b.points.map((p) => p.leaderId))).toEqual([[7, 3], [5]]);
    expect(blocks[0]!.rows.map((r) => r.byPoint)).toEqual([
      [4, 0],
      [0, 3],
    ]);
    expect(blocks[1]!.rows.map((r) => [r.quantity, ...r.byPoint])).toEqual([
      [6, 2],
      [3, 0],
    ]);
  });

  it('prints one block without point columns for a wave without points', () => {
    const blocks = summaryPrintBlocks({ ...summary, points: [], lines: [] });
    expect(blocks).toEqual([{ points: [], rows: [] }]);
  });

  it('prints all pick lists or one point', () => {
    const lists = [{ leaderId: 1 }, { leaderId: 2 }] as PickList[];
    expect(pickListsToPrint(lists)).toHaveLength(2);
    expect(pickListsToPrint(lists, 2)).toEqual([{ leaderId: 2 }]);
  });

  it('counts the orders shipping would move and names points', () => {
    expect(
      ordersToShip({ stops: [{ lockedCount: 2 }, { lockedCount: 0 }, { lockedCount: 5 }] } as never),
    ).toBe(7);
    expect(pointLabel('幸福里', '王丽华')).toBe('幸福里 · 王丽华');
    expect(pointLabel(null, '王丽华')).toBe('王丽华（未设置自提点）');
  });
});
