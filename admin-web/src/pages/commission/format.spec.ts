import { describe, expect, it } from 'vitest';
import {
  amountTone,
  describeDetailLine,
  isSinceAlways,
  formatExactFen,
  maskAccountNo,
  ruleSetPhase,
  ruleSetVersionLabel,
  signedFen,
} from './format';

describe('formatExactFen', () => {
  it('shows fen with decimals as 元 with up to four decimals', () => {
    expect(formatExactFen(123.456)).toBe('¥1.2346');
    expect(formatExactFen(123.4)).toBe('¥1.234');
    expect(formatExactFen(300)).toBe('¥3.00');
    expect(formatExactFen(1_234_567.5)).toBe('¥12,345.675');
    expect(formatExactFen(0.004)).toBe('¥0.00');
    expect(formatExactFen(-45.5)).toBe('-¥0.455');
    expect(formatExactFen(0.1 + 0.2)).toBe('¥0.003');
    expect(formatExactFen(Number.NaN)).toBe('—');
  });
});

describe('signed amounts', () => {
  it('marks money in with a plus and money out with a minus', () => {
    expect(signedFen(1234)).toBe('+¥12.34');
    expect(signedFen(-500)).toBe('-¥5.00');
    expect(signedFen(0)).toBe('¥0.00');
    expect([amountTone(1), amountTone(-1), amountTone(0)]).toEqual(['positive', 'negative', 'zero']);
  });
});

describe('ruleSetPhase', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  it('names where a published set stands and gives drafts none', () => {
    expect(ruleSetPhase({ status: 'draft', current: false, effectiveFrom: null }, now)).toBeNull();
    expect(
      ruleSetPhase({ status: 'published', current: true, effectiveFrom: '2026-11-01T00:00:00Z' }, now),
    ).toBe('current');
    expect(
      ruleSetPhase({ status: 'published', current: false, effectiveFrom: '2026-12-02T00:00:00Z' }, now),
    ).toBe('scheduled');
    expect(
      ruleSetPhase({ status: 'published', current: false, effectiveFrom: '2026-10-01T00:00:00Z' }, now),
    ).toBe('superseded');
  });

  it('labels versions', () => {
    expect(ruleSetVersionLabel({ version: 3 })).toBe('v3');
    expect(ruleSetVersionLabel({ version: null })).toBe('草稿');
  });
});

describe('maskAccountNo', () => {
  it('keeps only the last four digits', () => {
    expect(maskAccountNo('6222 0212 3456 7890')).toBe('**** 7890');
    expect(maskAccountNo('6222****7890')).toBe('6222****7890');
    expect(maskAccountNo('123')).toBe('123');
  });
});

describe('describeDetailLine', () => {
  const line = { baseFen: null, rateBps: null, fixedFen: null, units: null };
  it('shows a rate on its base, a fixed amount per unit times the units, or nothing', () => {
    expect(describeDetailLine({ ...line, baseFen: 5000, rateBps: 1350 })).toBe('¥50.00 × 13.5%');
    expect(describeDetailLine({ ...line, baseFen: 123_456, rateBps: 1000 })).toBe('¥1,234.56 × 10%');
    expect(describeDetailLine({ ...line, fixedFen: 300, units: 2 })).toBe('¥3.00/件 × 2');
    expect(describeDetailLine({ ...line, fixedFen: 300, rateBps: 100, baseFen: 1 })).toBe('¥3.00/件 × 0');
    expect(describeDetailLine({ ...line, rateBps: 500 })).toBe('5%');
    expect(describeDetailLine(line)).toBe('');
  });
});

describe('isSinceAlways', () => {
  it('recognises the epoch the migration gives the first rule set', () => {
    expect(isSinceAlways('1970-01-01T00:00:00.000Z')).toBe(true);
    expect(isSinceAlways('2026-12-09T00:00:00+08:00')).toBe(false);
    expect(isSinceAlways(null)).toBe(false);
  });
});
