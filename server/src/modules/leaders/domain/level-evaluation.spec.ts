import { decideLevel, type LevelRung } from './level-evaluation';

const criteria = (minGmv30dFen: number, minActiveCustomers30d: number) => ({
  minGmv30dFen,
  minActiveCustomers30d,
});
const NORMAL: LevelRung = {
  id: 11,
  name: '普通团长',
  rank: 1,
  upgrade: criteria(0, 0),
  keep: criteria(0, 0),
};
const SILVER: LevelRung = {
  id: 12,
  name: '银牌团长',
  rank: 2,
  upgrade: criteria(1_000_000, 30),
  keep: criteria(500_000, 15),
};
const GOLD: LevelRung = {
  id: 13,
  name: '金牌团长',
  rank: 3,
  upgrade: criteria(3_000_000, 80),
  keep: criteria(1_500_000, 40),
};
// Deliberately out of order: the rule sorts by rank.
const LADDER = [GOLD, NORMAL, SILVER];
const figures = (gmv30dFen: number, activeCustomers30d: number) => ({ gmv30dFen, activeCustomers30d });

describe('decideLevel', () => {
  it('does nothing without a ladder', () => {
    expect(decideLevel([], null, figures(0, 0))).toEqual({ kind: 'none' });
    expect(decideLevel([], 12, figures(9_999_999, 999))).toEqual({ kind: 'none' });
  });

  it('gives a leader without a level the lowest level, whatever the figures', () => {
    expect(decideLevel(LADDER, null, figures(5_000_000, 200))).toEqual({
      kind: 'initial',
      toLevel: NORMAL,
      reason: '首次定级：近30天GMV ¥50,000.00，活跃客户 200',
    });
  });

  it('treats a level that is no longer on the ladder as no level', () => {
    expect(decideLevel(LADDER, 99, figures(0, 0))).toMatchObject({ kind: 'initial', toLevel: NORMAL });
  });

  it('upgrades when both thresholds of the next level are met, with the figures in the reason', () => {
    expect(decideLevel(LADDER, NORMAL.id, figures(1_200_000, 35))).toEqual({
      kind: 'upgrade',
      toLevel: SILVER,
      reason: '近30天GMV ¥12,000.00 ≥ ¥10,000.00，活跃客户 35 ≥ 30',
    });
  });

  it('upgrades exactly at the thresholds', () => {
    expect(decideLevel(LADDER, NORMAL.id, figures(1_000_000, 30))).toMatchObject({
      kind: 'upgrade',
      toLevel: SILVER,
    });
  });

  it('jumps to the highest level whose thresholds are met', () => {
    expect(decideLevel(LADDER, NORMAL.id, figures(3_000_000, 80))).toMatchObject({
      kind: 'upgrade',
      toLevel: GOLD,
      reason: '近30天GMV ¥30,000.00 ≥ ¥30,000.00，活跃客户 80 ≥ 80',
    });
  });

  it('does not upgrade when only one threshold is met', () => {
    expect(decideLevel(LADDER, NORMAL.id, figures(9_000_000, 29))).toEqual({ kind: 'none' });
    expect(decideLevel(LADDER, NORMAL.id, figures(999_999, 300))).toEqual({ kind: 'none' });
  });

  it('skips a level whose thresholds are higher than a level above it', () => {
    const oddSilver = { ...SILVER, upgrade: criteria(5_000_000, 100) };
    expect(decideLevel([NORMAL, oddSilver, GOLD], NORMAL.id, figures(3_000_000, 80))).toMatchObject({
      kind: 'upgrade',
      toLevel: GOLD,
    });
  });

  it('keeps a leader who meets both keep thresholds', () => {
    expect(decideLevel(LADDER, SILVER.id, figures(500_000, 15))).toEqual({ kind: 'none' });
    expect(decideLevel(LADDER, GOLD.id, figures(9_000_000, 500))).toEqual({ kind: 'none' });
  });

  it('drops one rank when GMV falls below the keep threshold', () => {
    expect(decideLevel(LADDER, GOLD.id, figures(1_499_999, 40))).toEqual({
      kind: 'downgrade',
      toLevel: SILVER,
      reason: '近30天GMV ¥14,999.99 < 保级线 ¥15,000.00',
    });
  });

  it('drops one rank when active customers fall below the keep threshold', () => {
    expect(decideLevel(LADDER, SILVER.id, figures(800_000, 14))).toEqual({
      kind: 'downgrade',
      toLevel: NORMAL,
      reason: '活跃客户 14 < 保级线 15',
    });
  });

  it('drops only one rank even when both figures are far below', () => {
    expect(decideLevel(LADDER, GOLD.id, figures(0, 0))).toEqual({
      kind: 'downgrade',
      toLevel: SILVER,
      reason: '近30天GMV ¥0.00 < 保级线 ¥15,000.00，活跃客户 0 < 保级线 40',
    });
  });

  it('never drops the lowest level', () => {
    const strictNormal = { ...NORMAL, keep: criteria(100, 1) };
    expect(decideLevel([strictNormal, SILVER], NORMAL.id, figures(0, 0))).toEqual({ kind: 'none' });
  });

  it('prefers an upgrade over a downgrade', () => {
    const oddSilver = { ...SILVER, keep: criteria(9_000_000, 900) };
    expect(decideLevel([NORMAL, oddSilver, GOLD], SILVER.id, figures(3_000_000, 80))).toMatchObject({
      kind: 'upgrade',
      toLevel: GOLD,
    });
  });

  it('keeps the top level when nothing is above it and the keep thresholds are met', () => {
    expect(decideLevel(LADDER, GOLD.id, figures(1_500_000, 40))).toEqual({ kind: 'none' });
  });
});
