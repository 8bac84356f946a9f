import {
  communityH5Url,
  communityMiniProgramPath,
  communityScene,
  exceedsCommunityLimit,
  MAX_ACTIVE_COMMUNITIES_PER_LEADER,
} from './community-rules';

describe('community invite addresses', () => {
  it('puts the code in the scene, the mini-program path and the H5 link', () => {
    expect(communityScene('AB3CD4EF')).toBe('c=AB3CD4EF');
    expect(communityMiniProgramPath('AB3CD4EF')).toBe('pages/index/index?scene=c%3DAB3CD4EF');
    expect(communityH5Url('https://tuan.example.com', 'AB3CD4EF')).toBe(
      'https://tuan.example.com/h5/?communityCode=AB3CD4EF',
    );
  });

  it('keeps the scene within the 32 characters WeChat allows', () => {
    expect(communityScene('A'.repeat(16)).length).toBeLessThanOrEqual(32);
  });
});

describe('exceedsCommunityLimit', () => {
  const full = MAX_ACTIVE_COMMUNITIES_PER_LEADER;
  it('refuses a new or re-activated community at the limit', () => {
    expect(exceedsCommunityLimit(full, null, 'active')).toBe(true);
    expect(exceedsCommunityLimit(full, 'archived', 'active')).toBe(true);
    expect(exceedsCommunityLimit(full - 1, null, 'active')).toBe(false);
  });

  it('never refuses archiving or renaming an active one', () => {
    expect(exceedsCommunityLimit(full, 'active', 'archived')).toBe(false);
    expect(exceedsCommunityLimit(full, 'active', 'active')).toBe(false);
  });
});
