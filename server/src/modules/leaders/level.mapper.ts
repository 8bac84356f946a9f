import type { LeaderLevel, LeaderLevelChange, LeaderLevelInput } from '@linli/shared-types';
import type { LevelRung } from './domain/level-evaluation';
import type { LeaderLevelChangeEntity } from './persistence/leader-level-change.entity';
import type { LeaderLevelEntity } from './persistence/leader-level.entity';

export function toLevelInput(level: LeaderLevelEntity): LeaderLevelInput {
  return {
    name: level.name,
    rank: level.rank,
    commissionRateBps: level.commissionRateBps,
    upgrade: {
      minGmv30dFen: level.upgradeMinGmv30dFen,
      minActiveCustomers30d: level.upgradeMinActiveCustomers,
    },
    keep: { minGmv30dFen: level.keepMinGmv30dFen, minActiveCustomers30d: level.keepMinActiveCustomers },
  };
}

export function toLeaderLevel(level: LeaderLevelEntity, leaderCount: number): LeaderLevel {
  return {
    id: level.id,
    ...toLevelInput(level),
    leaderCount,
    createdAt: level.createdAt.toISOString(),
    updatedAt: level.updatedAt.toISOString(),
  };
}

export function toLevelRung(level: LeaderLevelEntity): LevelRung {
  const { name, rank, upgrade, keep } = toLevelInput(level);
  return { id: level.id, name, rank, upgrade, keep };
}

/** The columns an input writes. */
export function levelColumns(input: LeaderLevelInput): Partial<LeaderLevelEntity> {
  return {
    name: input.name.trim(),
    rank: input.rank,
    commissionRateBps: input.commissionRateBps,
    upgradeMinGmv30dFen: input.upgrade.minGmv30dFen,
    upgradeMinActiveCustomers: input.upgrade.minActiveCustomers30d,
    keepMinGmv30dFen: input.keep.minGmv30dFen,
    keepMinActiveCustomers: input.keep.minActiveCustomers30d,
  };
}

export function toLevelChange(
  row: LeaderLevelChangeEntity,
  levelNames: ReadonlyMap<number, string>,
): LeaderLevelChange {
  return {
    id: Number(row.id),
    fromLevelId: row.fromLevelId,
    fromLevelName: row.fromLevelId === null ? null : (levelNames.get(row.fromLevelId) ?? null),
    toLevelId: row.toLevelId,
    toLevelName: levelNames.get(row.toLevelId) ?? null,
    kind: row.kind,
    reason: row.reason,
    gmv30dFen: row.gmv30dFen,
    activeCustomers30d: row.activeCustomers30d,
    actorType: row.actorType,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
  };
}
