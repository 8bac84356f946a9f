import { formatFen, type LevelCriteria } from '@linli/shared-types';

/** A rung of the ladder as the evaluation sees it. */
export interface LevelRung {
  id: number;
  name: string;
  rank: number;
  upgrade: LevelCriteria;
  keep: LevelCriteria;
}

/** The figures a leader is judged on (see LeaderMetrics). */
export interface LevelFigures {
  gmv30dFen: number;
  activeCustomers30d: number;
}

export type LevelDecision =
  { kind: 'none' } | { kind: 'initial' | 'upgrade' | 'downgrade'; toLevel: LevelRung; reason: string };

const NO_CHANGE: LevelDecision = { kind: 'none' };

const gmvText = (figures: LevelFigures) => `近30天GMV ${formatFen(figures.gmv30dFen)}`;
const customersText = (figures: LevelFigures) => `活跃客户 ${figures.activeCustomers30d}`;

/**
 * Where the ladder puts a leader (rules in shared-types levels.ts):
 * no level → the lowest (initial); else up to the HIGHEST level above theirs whose upgrade thresholds
 * are both met; else one rank down when below either keep threshold (the lowest never drops).
 * A current level missing from the ladder counts as no level.
 */
export function decideLevel(
  ladder: readonly LevelRung[],
  currentLevelId: number | null,
  figures: LevelFigures,
): LevelDecision {
  if (ladder.length === 0) return NO_CHANGE;
  const byRank = [...ladder].sort((a, b) => a.rank - b.rank);
  const current = byRank.find((level) => level.id === currentLevelId);
  if (!current) {
    return {
      kind: 'initial',
      toLevel: byRank[0],
      reason: `首次定级：${gmvText(figures)}，${customersText(figures)}`,
    };
  }

  const reachable = byRank.filter((level) => level.rank > current.rank && meets(figures, level.upgrade));
  const target = reachable[reachable.length - 1];
  if (target) {
    return {
      kind: 'upgrade',
      toLevel: target,
      reason:
        `${gmvText(figures)} ≥ ${formatFen(target.upgrade.minGmv30dFen)}，` +
        `${customersText(figures)} ≥ ${target.upgrade.minActiveCustomers30d}`,
    };
  }

  const below = byRank.filter((level) => level.rank < current.rank);
  const oneDown = below[below.length - 1];
  if (!oneDown) return NO_CHANGE; // the lowest level never drops
  const shortfalls: string[] = [];
  if (figures.gmv30dFen < current.keep.minGmv30dFen) {
    shortfalls.push(`${gmvText(figures)} < 保级线 ${formatFen(current.keep.minGmv30dFen)}`);
  }
  if (figures.activeCustomers30d < current.keep.minActiveCustomers30d) {
    shortfalls.push(`${customersText(figures)} < 保级线 ${current.keep.minActiveCustomers30d}`);
  }
  if (shortfalls.length === 0) return NO_CHANGE;
  return { kind: 'downgrade', toLevel: oneDown, reason: shortfalls.join('，') };
}

function meets(figures: LevelFigures, criteria: LevelCriteria): boolean {
  return (
    figures.gmv30dFen >= criteria.minGmv30dFen && figures.activeCustomers30d >= criteria.minActiveCustomers30d
  );
}
