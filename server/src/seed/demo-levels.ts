import type { EntityManager } from 'typeorm';
import { formatFen } from '@linli/shared-types';
import { addDays } from '../platform/time/shanghai';
import type { LeaderLevelsService, LeaderSalesRecorder } from '../modules/leaders';

const DAY_MS = 86_400_000;
const SYSTEM = { type: 'system' as const, id: null, name: '等级评估' };

/**
 * Levels for the demo leaders (indexes into DEMO_LEADERS): the first was upgraded once (history with
 * figures), the second sits on the lowest level, the third has none yet; the first two have 30 days of
 * sales. So "立即评估" in the demo changes something: the third gets its first level, and the first,
 * with few active customers, drops a rank.
 */
export async function seedDemoLevels(
  m: EntityManager,
  levels: LeaderLevelsService,
  sales: LeaderSalesRecorder,
  leaderIds: number[],
  now: Date,
  today: string,
): Promise<void> {
  const ladder = await levels.ladderWith(m);
  if (ladder.length < 2 || leaderIds.length < 2) return;
  const [lowest, second] = ladder;
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const initial = (leaderId: number, days: number) =>
    levels.recordChangeWith(m, {
      leaderId,
      fromLevelId: null,
      toLevelId: lowest.id,
      kind: 'initial',
      reason: '团长审核通过，初始定级',
      gmv30dFen: null,
      activeCustomers30d: null,
      actor: SYSTEM,
      at: daysAgo(days),
    });

  const [first, secondLeader] = leaderIds;
  await initial(first, 40);
  const figures = { gmv30dFen: 1_268_000, activeCustomers30d: 32 };
  await levels.recordChangeWith(m, {
    leaderId: first,
    fromLevelId: lowest.id,
    toLevelId: second.id,
    kind: 'upgrade',
    reason:
      `近30天GMV ${formatFen(figures.gmv30dFen)} ≥ ${formatFen(second.upgrade.minGmv30dFen)}，` +
      `活跃客户 ${figures.activeCustomers30d} ≥ ${second.upgrade.minActiveCustomers30d}`,
    ...figures,
    actor: SYSTEM,
    at: daysAgo(10),
  });
  await initial(secondLeader, 35);

  for (let day = 0; day < 30; day += 1) {
    const date = addDays(today, -day);
    await sales.addWith(m, first, date, 38_000 + (day % 7) * 2_500, 12 + (day % 5));
    await sales.addWith(m, secondLeader, date, 9_000 + (day % 5) * 1_500, 3 + (day % 3));
  }
}
