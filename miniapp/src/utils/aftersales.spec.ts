import type { AfterSalesCaseView, OrderLineView } from '@linli/shared-types';
import {
  afterSalesEntry,
  afterSalesErrorMessage,
  clampQuantity,
  lineRefundPreview,
  refundableAmount,
  refundableLines,
  refundPreview,
  requestIdFor,
  splitInProportion,
  timelineNewestFirst,
  validateApplyForm,
  validateRejectReason,
  type ApplyFormState,
  type OrderForAfterSales,
} from './aftersales';

function line(id: number, quantity: number, unitPrice: number): OrderLineView {
  return {
    id,
    itemId: id,
    skuId: id,
    productId: id,
    productName: `商品${id}`,
    specText: '',
    imageUrl: null,
    unitPrice,
    quantity,
    lineTotal: unitPrice * quantity,
  };
}

function order(overrides: Partial<OrderForAfterSales> = {}): OrderForAfterSales {
  // 3 × 10.00 + 1 × 20.00 = 50.00, paid 45.00 after a 5.00 discount.
  return {
    status: 'paid',
    paidAmount: 4500,
    refundedAmount: 0,
    lines: [line(1, 3, 1000), line(2, 1, 2000)],
    ...overrides,
  };
}

function aCase(overrides: Partial<AfterSalesCaseView>): AfterSalesCaseView {
  return {
    id: 1,
    caseNo: 'C1',
    orderId: 9,
    orderNo: 'O9',
    orderStatus: 'paid',
    status: 'approved',
    source: 'buyer',
    reason: 'quality',
    description: null,
    photos: [],
    wholeOrder: false,
    amount: 0,
    lines: [],
    rejectReason: null,
    refund: null,
    autoApproveAt: null,
    stockReturned: false,
    createdAt: '2026-12-01T00:00:00.000Z',
    decidedAt: null,
    timeline: [],
    ...overrides,
  };
}

const caseLine = (orderLineId: number, quantity: number, amount: number) => ({
  orderLineId,
  skuId: orderLineId,
  productName: '',
  specText: '',
  imageUrl: null,
  quantity,
  amount,
});

describe('splitInProportion', () => {
  it('adds up exactly (largest remainder)', () => {
    expect(splitInProportion(4500, [3000, 2000])).toEqual([2700, 1800]);
    expect(splitInProportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitInProportion(0, [1, 2])).toEqual([0, 0]);
  });
});

describe('afterSalesEntry', () => {
  it('offers 申请售后 for paid … picked up orders with money left', () => {
    for (const status of ['paid', 'locked', 'shipped', 'ready_for_pickup', 'picked_up'] as const) {
      expect(afterSalesEntry(order({ status }), [])).toEqual({ kind: 'apply' });
    }
  });

  it('offers nothing for unpaid, cancelled or refunded orders', () => {
    for (const status of ['pending_payment', 'cancelled', 'refunded'] as const) {
      expect(afterSalesEntry(order({ status }), [])).toEqual({ kind: 'none' });
    }
  });

  it('offers nothing once everything is refunded', () => {
    expect(afterSalesEntry(order({ refundedAmount: 4500 }), [])).toEqual({ kind: 'none' });
    expect(afterSalesEntry(order(), [aCase({ amount: 4500 })])).toEqual({ kind: 'none' });
  });

  it('points to the open case instead of a new request', () => {
    expect(afterSalesEntry(order(), [aCase({ id: 7, status: 'pending' })])).toEqual({
      kind: 'open',
      caseId: 7,
    });
  });

  it('ignores rejected cases', () => {
    expect(afterSalesEntry(order(), [aCase({ status: 'rejected', amount: 4500 })])).toEqual({
      kind: 'apply',
    });
  });
});

describe('refundableLines', () => {
  it('subtracts units of approved cases, not rejected ones', () => {
    const cases = [
      aCase({ status: 'approved', amount: 900, lines: [caseLine(1, 1, 900)] }),
      aCase({ status: 'rejected', lines: [caseLine(1, 2, 1800), caseLine(2, 1, 1800)] }),
    ];
    const lines = refundableLines(order(), cases);
    expect(lines.map((l) => [l.orderLineId, l.refundable, l.takenQuantity, l.paidShare])).toEqual([
      [1, 2, 1, 2700],
      [2, 1, 0, 1800],
    ]);
    expect(refundableAmount(order(), cases)).toBe(3600);
  });

  it('never goes below zero', () => {
    const lines = refundableLines(order(), [aCase({ lines: [caseLine(2, 5, 0)] })]);
    expect(lines[1].refundable).toBe(0);
  });
});

describe('refund preview', () => {
  it('gives a line share back unit by unit, the last units taking the rest', () => {
    const [first] = refundableLines(order({ paidAmount: 100, lines: [line(1, 3, 1000)] }), []);
    expect(lineRefundPreview(first, 1)).toBe(33);
    expect(lineRefundPreview(first, 3)).toBe(100);
    expect(lineRefundPreview(first, 9)).toBe(100);
    const [after] = refundableLines(order({ paidAmount: 100, lines: [line(1, 3, 1000)] }), [
      aCase({ amount: 66, lines: [caseLine(1, 2, 66)] }),
    ]);
    expect(lineRefundPreview(after, 1)).toBe(34);
  });

  it('sums chosen lines, or everything left for the whole order, capped by what is left', () => {
    const lines = refundableLines(order(), []);
    expect(refundPreview('lines', lines, { 1: 1, 2: 1 }, 4500)).toBe(900 + 1800);
    expect(refundPreview('lines', lines, {}, 4500)).toBe(0);
    expect(refundPreview('whole', lines, {}, 3600)).toBe(3600);
    expect(refundPreview('lines', lines, { 1: 3, 2: 1 }, 4000)).toBe(4000);
  });

  it('clamps quantities to 0..refundable', () => {
    expect(clampQuantity(5, 2)).toBe(2);
    expect(clampQuantity(-1, 2)).toBe(0);
    expect(clampQuantity(1.7, 2)).toBe(1);
    expect(clampQuantity(Number.NaN, 2)).toBe(0);
  });
});

describe('validateApplyForm', () => {
  const lines = refundableLines(order(), []);
  const form = (overrides: Partial<ApplyFormState>): ApplyFormState => ({
    mode: 'whole',
    quantities: {},
    reason: 'quality',
    description: '',
    photoKeys: [],
    uploading: false,
    ...overrides,
  });

  it('builds a whole-order body without lines', () => {
    expect(validateApplyForm(form({ description: '  坏了 ' }), lines)).toEqual({
      ok: true,
      body: { reason: 'quality', description: '坏了' },
    });
  });

  it('builds a lines body with the chosen quantities only', () => {
    const result = validateApplyForm(
      form({ mode: 'lines', quantities: { 1: 2, 2: 0 }, photoKeys: ['a.jpg'] }),
      lines,
    );
    expect(result).toEqual({
      ok: true,
      body: { reason: 'quality', photoKeys: ['a.jpg'], lines: [{ orderLineId: 1, quantity: 2 }] },
    });
  });

  it('asks for items, a reason, and a description for 其他', () => {
    const result = validateApplyForm(form({ mode: 'lines', reason: null }), lines);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.lines).toBe('请选择要退款的商品和数量');
      expect(result.errors.reason).toBe('请选择售后原因');
    }
    const other = validateApplyForm(form({ reason: 'other' }), lines);
    expect(other.ok ? null : other.errors.description).toBe('请说明具体问题');
  });

  it('refuses more than refundable, pickup-report reasons, long text, too many or uploading photos', () => {
    const tooMany = validateApplyForm(form({ mode: 'lines', quantities: { 2: 2 } }), lines);
    expect(tooMany.ok ? null : tooMany.errors.lines).toBe('「商品2」最多可申请 1 件');
    const shortage = validateApplyForm(form({ reason: 'shortage' }), lines);
    expect(shortage.ok ? null : shortage.errors.reason).toBe('请选择售后原因');
    const long = validateApplyForm(form({ description: '字'.repeat(201) }), lines);
    expect(long.ok ? null : long.errors.description).toBe('问题描述最多 200 字');
    const photos = validateApplyForm(form({ photoKeys: ['a', 'b', 'c', 'd'] }), lines);
    expect(photos.ok ? null : photos.errors.photos).toBe('最多上传 3 张照片');
    const uploading = validateApplyForm(form({ uploading: true }), lines);
    expect(uploading.ok ? null : uploading.errors.photos).toBe('照片还在上传，请稍候');
  });
});

describe('requestIdFor', () => {
  it('keeps the id for the same body and makes a new one when it changes', () => {
    let n = 0;
    const make = () => `req-0000000${++n}`;
    const first = requestIdFor(null, { reason: 'quality' }, make);
    expect(requestIdFor(first, { reason: 'quality' }, make)).toBe(first);
    const changed = requestIdFor(first, { reason: 'missing' }, make);
    expect(changed.requestId).toBe('req-00000002');
  });
});

describe('validateRejectReason', () => {
  it('needs 1–200 characters', () => {
    expect(validateRejectReason('  ')).toBe('请填写驳回原因');
    expect(validateRejectReason('x'.repeat(201))).toBe('驳回原因最多 200 字');
    expect(validateRejectReason('已超过售后期')).toBeNull();
  });
});

describe('afterSalesErrorMessage', () => {
  it('maps known codes and keeps Chinese server text', () => {
    expect(afterSalesErrorMessage('AFTERSALES_CASE_OPEN', 'x')).toBe(
      '这笔订单已有处理中的售后，请等待处理结果',
    );
    expect(afterSalesErrorMessage('VALIDATION_FAILED', '参数不正确')).toBe('参数不正确');
    expect(afterSalesErrorMessage('INTERNAL', 'boom')).toBe('操作失败，请稍后重试');
  });
});

describe('timelineNewestFirst', () => {
  it('sorts by time, later events first on ties', () => {
    const events = [
      { at: '2026-12-01T00:00:00Z', k: 'a' },
      { at: '2026-12-01T00:00:00Z', k: 'b' },
      { at: '2026-12-02T00:00:00Z', k: 'c' },
    ];
    expect(timelineNewestFirst(events).map((e) => e.k)).toEqual(['c', 'b', 'a']);
  });
});
