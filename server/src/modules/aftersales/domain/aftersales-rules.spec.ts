import { approvesAtOnce, autoApproveAt, buyerMayGive, caseNumber, rulesProblems } from './aftersales-rules';

describe('after-sales rules', () => {
  const rules = { autoApproveMaxFen: 500, autoApproveAfterHours: 24 };

  it('approves small buyer cases at once, up to and including the threshold', () => {
    expect(approvesAtOnce('buyer', 500, rules)).toBe(true);
    expect(approvesAtOnce('buyer', 1, rules)).toBe(true);
    expect(approvesAtOnce('buyer', 501, rules)).toBe(false);
    expect(approvesAtOnce('buyer', 0, rules)).toBe(false);
  });

  it('a threshold of 0 switches the small-amount rule off; pickup reports are always approved', () => {
    const off = { autoApproveMaxFen: 0, autoApproveAfterHours: 0 };
    expect(approvesAtOnce('buyer', 1, off)).toBe(false);
    expect(approvesAtOnce('pickup_report', 1_000_000, off)).toBe(true);
  });

  it('sets the timeout approval time, or none when the rule is off', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(autoApproveAt(at, rules)?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(autoApproveAt(at, { ...rules, autoApproveAfterHours: 0 })).toBeNull();
  });

  it('validates rule edits', () => {
    expect(rulesProblems(rules)).toEqual([]);
    expect(rulesProblems({ autoApproveMaxFen: -1, autoApproveAfterHours: 0 })).toHaveLength(1);
    expect(rulesProblems({ autoApproveMaxFen: 0, autoApproveAfterHours: 1.5 })).toHaveLength(1);
    expect(rulesProblems({ autoApproveMaxFen: 0, autoApproveAfterHours: 721 })).toHaveLength(1);
  });

  it('keeps shortage and damage for the pickup point', () => {
    expect(buyerMayGive('quality')).toBe(true);
    expect(buyerMayGive('shortage')).toBe(false);
    expect(buyerMayGive('damage')).toBe(false);
  });

  it('numbers cases after their order', () => {
    expect(caseNumber('2601011234567', 2)).toBe('SH2601011234567-2');
  });
});
