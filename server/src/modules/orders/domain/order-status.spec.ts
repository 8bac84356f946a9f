import type { OrderStatus } from '@linli/shared-types';
import { buyerCancelDecision, refundReleasesStock, staffCancelOutcome, staffMayRefund } from './order-status';

const cutoff = new Date('2026-12-08T12:00:00Z');
const before = new Date('2026-12-08T11:59:59Z');
const after = new Date('2026-12-08T12:00:00Z');

describe('buyerCancelDecision', () => {
  it.each<[OrderStatus, Date, ReturnType<typeof buyerCancelDecision>]>([
    ['pending_payment', before, { allowed: true, outcome: 'cancel' }],
    ['pending_payment', after, { allowed: true, outcome: 'cancel' }],
    ['paid', before, { allowed: true, outcome: 'refund' }],
    ['ready_for_pickup', before, { allowed: true, outcome: 'refund' }],
  ])('%s at %s → %o', (status, now, expected) => {
    expect(buyerCancelDecision(status, cutoff, now)).toEqual(expected);
  });

  it('refuses a paid order from the cut-off on, saying whom to ask', () => {
    const decision = buyerCancelDecision('paid', cutoff, after);
    expect(decision).toEqual({
      allowed: false,
      code: 'ORDER_CANCEL_NOT_ALLOWED',
      message: expect.stringContaining('已截单'),
    });
  });

  it.each<OrderStatus>(['locked', 'shipped'])(
    'refuses %s even before the cut-off, with its own code',
    (status) => {
      const decision = buyerCancelDecision(status, cutoff, before);
      expect(decision).toEqual({
        allowed: false,
        code: 'ORDER_CANCEL_LOCKED',
        message: expect.stringContaining('联系团长'),
      });
    },
  );

  it.each<OrderStatus>(['picked_up', 'cancelled', 'refunded'])('refuses %s', (status) => {
    expect(buyerCancelDecision(status, cutoff, before).allowed).toBe(false);
  });
});

describe('staff actions', () => {
  it.each<[OrderStatus, 'cancel' | 'refund' | null, boolean, boolean]>([
    ['pending_payment', 'cancel', false, false],
    ['paid', 'refund', true, true],
    ['locked', 'refund', true, true],
    ['shipped', 'refund', true, true],
    ['ready_for_pickup', 'refund', true, true],
    ['picked_up', null, true, false],
    ['cancelled', null, false, false],
    ['refunded', null, false, false],
  ])('%s: cancel → %s, refund allowed %s, releases stock %s', (status, cancel, refund, releases) => {
    expect(staffCancelOutcome(status)).toBe(cancel);
    expect(staffMayRefund(status)).toBe(refund);
    expect(refundReleasesStock(status)).toBe(releases);
  });
});
