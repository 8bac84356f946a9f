import { parseEntryScene } from './entry-scene';

describe('parseEntryScene', () => {
  it('reads a community invite scene', () => {
    expect(parseEntryScene('c=AB3CD4EF')).toEqual({ communityCode: 'AB3CD4EF' });
  });

  it('treats any other scene as a leader invite code', () => {
    expect(parseEntryScene('WANG2026')).toEqual({ leaderCode: 'WANG2026' });
  });

  it('ignores an empty scene', () => {
    expect(parseEntryScene(undefined)).toEqual({});
    expect(parseEntryScene('  ')).toEqual({});
  });
});
