import { describe, expect, it } from 'vitest';
import type { CommissionRules, SkuPickerItem } from '@linli/shared-types';
import {
  describeChange,
  lineFromSku,
  previewFieldOf,
  previewTotal,
  toPreviewRequest,
  toSimulationRequest,
} from './preview-form';

const rules: CommissionRules = {
  basis: 'paid_amount',
  defaultRateBps: 1000,
  levelRates: [],
  overrides: [],
  tierBonus: null,
  referral: null,
  recruitmentReward: null,
  frozenDays: 7,
};

describe('试算', () => {
  it('starts a picked SKU at one unit of its retail price', () => {
    const sku = { skuId: 9, productName: '贵妃芒', specText: '5斤装', price: 3990 } as SkuPickerItem;
    expect(lineFromSku(sku)).toEqual({
      skuId: 9,
      label: '贵妃芒（5斤装）',
      quantity: 1,
      unitPriceYuan: 39.9,
    });
  });

  it('sends prices in fen and the month GMV only when typed', () => {
    const values = {
      leaderId: 3,
      lines: [{ skuId: 9, label: null, quantity: 2, unitPriceYuan: 19.99 }],
      monthGmvYuan: null,
    };
    expect(toPreviewRequest(rules, values)).toEqual({
      rules,
      leaderId: 3,
      lines: [{ skuId: 9, quantity: 2, unitPrice: 1999 }],
    });
    expect(toPreviewRequest(rules, { ...values, monthGmvYuan: 12_000.5 }).monthGmvFen).toBe(1_200_050);
    expect(toPreviewRequest(rules, { ...values, monthGmvYuan: 0 }).monthGmvFen).toBe(0);
  });

  it('maps the request’s fields onto the form and adds up the entries', () => {
    expect(previewFieldOf('lines.1.unitPrice')).toBe('lines.1.unitPriceYuan');
    expect(previewFieldOf('lines.1.quantity')).toBe('lines.1.quantity');
    expect(previewFieldOf('monthGmvFen')).toBe('monthGmvYuan');
    const entry = { leaderId: 1, leaderName: '王', type: 'accrual' as const, details: [] };
    expect(
      previewTotal({
        entries: [
          { ...entry, amount: 399 },
          { ...entry, amount: 40 },
        ],
      }),
    ).toBe(439);
  });
});

describe('历史订单模拟', () => {
  it('covers whole Shanghai days, the last one included', () => {
    expect(toSimulationRequest('2026-11-01', '2026-11-30')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
  });

  it('describes the change in money and percent', () => {
    expect(describeChange(10_000, 10_350)).toBe('+¥3.50（+3.5%）');
    expect(describeChange(10_000, 9_000)).toBe('-¥10.00（-10.0%）');
    expect(describeChange(10_000, 10_000)).toBe('¥0.00（0.0%）');
    expect(describeChange(0, 500)).toBe('+¥5.00');
    expect(describeChange(0, 0)).toBe('无变化');
  });
});
