import type { CampaignAudience } from '@linli/shared-types';
import { audienceProblems, isOfferedAt, normalizeAudience, sameAudience } from './campaign-audience';

const all: CampaignAudience = { kind: 'all', levelIds: [], leaderIds: [] };
const levels: CampaignAudience = { kind: 'levels', levelIds: [2, 3], leaderIds: [] };
const leaders: CampaignAudience = { kind: 'leaders', levelIds: [], leaderIds: [7] };

describe('isOfferedAt', () => {
  const cases: Array<[string, CampaignAudience, { id: number; levelId: number | null } | null, boolean]> = [
    ['all, any leader', all, { id: 1, levelId: null }, true],
    ['all, no leader yet', all, null, true],
    ['levels, leader on a listed level', levels, { id: 1, levelId: 3 }, true],
    ['levels, leader on another level', levels, { id: 1, levelId: 1 }, false],
    ['levels, leader without a level', levels, { id: 1, levelId: null }, false],
    ['levels, no leader', levels, null, false],
    ['leaders, the named leader', leaders, { id: 7, levelId: 1 }, true],
    ['leaders, another leader', leaders, { id: 8, levelId: 1 }, false],
    ['leaders, no leader', leaders, null, false],
  ];
  it.each(cases)('%s', (_label, audience, leader, offered) => {
    expect(isOfferedAt(audience, leader)).toBe(offered);
  });
});

describe('audience helpers', () => {
  it('keeps only the ids of the kind, sorted and unique', () => {
    expect(normalizeAudience({ kind: 'levels', levelIds: [3, 1, 3], leaderIds: [9] })).toEqual({
      kind: 'levels',
      levelIds: [1, 3],
      leaderIds: [],
    });
    expect(normalizeAudience({ kind: 'all', levelIds: [1], leaderIds: [2] })).toEqual(all);
  });

  it('compares audiences as sets', () => {
    expect(sameAudience(levels, { kind: 'levels', levelIds: [3, 2], leaderIds: [5] })).toBe(true);
    expect(sameAudience(levels, { kind: 'levels', levelIds: [2], leaderIds: [] })).toBe(false);
    expect(sameAudience(all, leaders)).toBe(false);
  });

  it('refuses empty or unknown targets', () => {
    const known = { levelIds: new Set([1, 2]), leaderIds: new Set([7]) };
    expect(audienceProblems(all, known)).toEqual([]);
    expect(audienceProblems({ kind: 'levels', levelIds: [2], leaderIds: [] }, known)).toEqual([]);
    expect(audienceProblems({ kind: 'levels', levelIds: [], leaderIds: [] }, known)).toEqual([
      { field: 'audience.levelIds', errors: ['请至少选择一个团长等级'] },
    ]);
    expect(audienceProblems({ kind: 'levels', levelIds: [2, 5], leaderIds: [] }, known)).toEqual([
      { field: 'audience.levelIds', errors: ['团长等级不存在：5'] },
    ]);
    expect(audienceProblems({ kind: 'leaders', levelIds: [], leaderIds: [7, 8] }, known)).toEqual([
      { field: 'audience.leaderIds', errors: ['团长不存在：8'] },
    ]);
  });
});
