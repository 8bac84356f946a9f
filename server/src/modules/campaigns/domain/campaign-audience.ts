import type { CampaignAudience, CampaignAudienceKind, FieldError } from '@linli/shared-types';

/** At most this many leaders may be named in one campaign's audience. */
export const MAX_AUDIENCE_LEADERS = 1000;

/** The buyer's leader as the audience check needs it: its id and its current level. */
export interface AudienceLeader {
  id: number;
  levelId: number | null;
}

/**
 * Whether a campaign is offered at a buyer's leader (null: the buyer has not chosen one yet, and only
 * campaigns for everybody are shown). 'levels' matches the leader's CURRENT level, so a promotion or a
 * downgrade changes what their buyers see at once.
 */
export function isOfferedAt(audience: CampaignAudience, leader: AudienceLeader | null): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'levels':
      return leader !== null && leader.levelId !== null && audience.levelIds.includes(leader.levelId);
    case 'leaders':
      return leader !== null && audience.leaderIds.includes(leader.id);
  }
}

/** The audience with only the ids its kind uses, sorted and without repeats (what is stored). */
export function normalizeAudience(audience: CampaignAudience): CampaignAudience {
  const ids = (list: number[]) => [...new Set(list)].sort((a, b) => a - b);
  return {
    kind: audience.kind,
    levelIds: audience.kind === 'levels' ? ids(audience.levelIds) : [],
    leaderIds: audience.kind === 'leaders' ? ids(audience.leaderIds) : [],
  };
}

/**
 * Problems of an audience against the levels and leaders that exist. Unknown ids are refused rather than
 * silently dropped, so staff never save an audience nobody is in by a typo.
 */
export function audienceProblems(
  audience: CampaignAudience,
  known: { levelIds: ReadonlySet<number>; leaderIds: ReadonlySet<number> },
): FieldError[] {
  const problems: FieldError[] = [];
  const kinds: CampaignAudienceKind[] = ['all', 'levels', 'leaders'];
  if (!kinds.includes(audience.kind)) return [{ field: 'audience.kind', errors: ['投放范围不正确'] }];
  if (audience.kind === 'levels') {
    if (audience.levelIds.length === 0)
      problems.push({ field: 'audience.levelIds', errors: ['请至少选择一个团长等级'] });
    const unknown = audience.levelIds.filter((id) => !known.levelIds.has(id));
    if (unknown.length > 0) {
      problems.push({ field: 'audience.levelIds', errors: [`团长等级不存在：${unknown.join('、')}`] });
    }
  }
  if (audience.kind === 'leaders') {
    if (audience.leaderIds.length === 0)
      problems.push({ field: 'audience.leaderIds', errors: ['请至少选择一个团长'] });
    if (audience.leaderIds.length > MAX_AUDIENCE_LEADERS) {
      problems.push({ field: 'audience.leaderIds', errors: [`最多指定 ${MAX_AUDIENCE_LEADERS} 位团长`] });
    }
    const unknown = audience.leaderIds.filter((id) => !known.leaderIds.has(id));
    if (unknown.length > 0) {
      problems.push({ field: 'audience.leaderIds', errors: [`团长不存在：${unknown.join('、')}`] });
    }
  }
  return problems;
}

/** Whether two audiences offer the campaign to the same leaders (ids compared as sets). */
export function sameAudience(a: CampaignAudience, b: CampaignAudience): boolean {
  const x = normalizeAudience(a);
  const y = normalizeAudience(b);
  return (
    x.kind === y.kind && x.levelIds.join() === y.levelIds.join() && x.leaderIds.join() === y.leaderIds.join()
  );
}
