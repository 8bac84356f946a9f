import {
  campaignIdFromQuery,
  campaignSharePath,
  communityCodeFromScene,
  entryFromQuery,
  firstEntry,
  leaderCodeFromScene,
  pageRouteOfHash,
  parseSearch,
  shareCardPath,
} from './member-entry';

describe('entryFromQuery', () => {
  it('reads a share card link', () => {
    expect(entryFromQuery({ leaderCode: 'WANG2026', channel: 'share_card' })).toEqual({
      leaderCode: 'WANG2026',
      channel: 'share_card',
    });
  });

  it('defaults a leader link without channel to share_card and normalises the code', () => {
    expect(entryFromQuery({ leaderCode: ' wang 2026 ' })).toEqual({
      leaderCode: 'WANG2026',
      channel: 'share_card',
    });
  });

  it('keeps a known channel on a link and drops an unknown one', () => {
    expect(entryFromQuery({ leaderCode: 'WANG2026', channel: 'group_qr' })?.channel).toBe('group_qr');
    expect(entryFromQuery({ leaderCode: 'WANG2026', channel: 'tiktok' })?.channel).toBe('share_card');
  });

  it('reads a poster scene as a bare code or leaderCode=', () => {
    expect(entryFromQuery({ scene: 'WANG2026' })).toEqual({ leaderCode: 'WANG2026', channel: 'poster' });
    expect(entryFromQuery({ scene: encodeURIComponent('leaderCode=WANG2026') })).toEqual({
      leaderCode: 'WANG2026',
      channel: 'poster',
    });
  });

  it('reads a community invite: scene c= (mini-program code) or communityCode (H5 link)', () => {
    expect(entryFromQuery({ scene: 'c%3Dk7m3xq9p%26x%3D1' })).toEqual({
      communityCode: 'K7M3XQ9P',
      channel: 'group_qr',
    });
    expect(entryFromQuery({ communityCode: 'K7M3XQ9P' })).toEqual({
      communityCode: 'K7M3XQ9P',
      channel: 'group_qr',
    });
  });

  it('lets a community invite win over a leader link, and drops junk codes', () => {
    expect(entryFromQuery({ communityCode: 'K7M3XQ9P', leaderCode: 'WANG2026' })).toEqual({
      communityCode: 'K7M3XQ9P',
      channel: 'group_qr',
    });
    expect(entryFromQuery({ communityCode: '<script>', leaderCode: 'WANG2026' })?.leaderCode).toBe(
      'WANG2026',
    );
  });

  it('prefers the link code over the scene', () => {
    expect(entryFromQuery({ leaderCode: 'LINK0001', scene: 'SCEN0002' })?.leaderCode).toBe('LINK0001');
  });

  it('returns a channel alone, and null for nothing useful', () => {
    expect(entryFromQuery({ channel: 'search' })).toEqual({ channel: 'search' });
    expect(entryFromQuery({ openid: 'demo-buyer' })).toBeNull();
    expect(entryFromQuery({ leaderCode: 'x!' })).toBeNull();
    expect(entryFromQuery({ scene: 'foo=bar' })).toBeNull();
    expect(entryFromQuery({ scene: '%E0%A4%A' })).toBeNull();
    expect(entryFromQuery(null)).toBeNull();
    expect(entryFromQuery(undefined)).toBeNull();
  });
});

describe('leaderCodeFromScene / communityCodeFromScene', () => {
  it('ignores keys it does not know', () => {
    expect(leaderCodeFromScene('inviteCode=WANG2026')).toBeNull();
    expect(leaderCodeFromScene(undefined)).toBeNull();
  });

  it('never reads a community scene as a leader code, nor a bare code as a community', () => {
    expect(leaderCodeFromScene('c=K7M3XQ9P')).toBeNull();
    expect(communityCodeFromScene('K7M3XQ9P')).toBeNull();
    expect(communityCodeFromScene('c=K7M3XQ9P')).toBe('K7M3XQ9P');
  });
});

describe('firstEntry', () => {
  it('takes the first query naming a leader, else the first channel', () => {
    expect(firstEntry({ channel: 'search' }, { leaderCode: 'WANG2026' })).toEqual({
      leaderCode: 'WANG2026',
      channel: 'share_card',
    });
    expect(firstEntry({ scene: 'AAAA1111' }, { leaderCode: 'BBBB2222' })?.leaderCode).toBe('AAAA1111');
    expect(firstEntry(null, { channel: 'search' })).toEqual({ channel: 'search' });
    expect(firstEntry(null, {})).toBeNull();
    expect(firstEntry({ channel: 'search' }, { communityCode: 'K7M3XQ9P' })?.communityCode).toBe('K7M3XQ9P');
  });
});

describe('parseSearch / shareCardPath', () => {
  it('round-trips a share path through the parser', () => {
    const path = shareCardPath('/pages/index/index', 'WANG2026');
    expect(path).toBe('/pages/index/index?leaderCode=WANG2026&channel=share_card');
    const query = parseSearch(path.slice(path.indexOf('?')));
    expect(entryFromQuery(query)).toEqual({ leaderCode: 'WANG2026', channel: 'share_card' });
  });

  it('keeps the dev openid next to the entry', () => {
    expect(parseSearch('?openid=demo-buyer&leaderCode=WANG2026')).toEqual({
      openid: 'demo-buyer',
      leaderCode: 'WANG2026',
    });
  });
});

describe('campaign links (share card, H5 link, poster code)', () => {
  it('reads a campaign poster scene g=<id>&l=<code> as delivered by WeChat (URL-encoded)', () => {
    const scene = encodeURIComponent('g=12&l=wang2026');
    expect(entryFromQuery({ scene })).toEqual({ leaderCode: 'WANG2026', channel: 'poster' });
    expect(campaignIdFromQuery({ scene })).toBe(12);
    expect(leaderCodeFromScene('g=12&l=WANG2026')).toBe('WANG2026');
    expect(communityCodeFromScene('g=12&l=WANG2026')).toBeNull();
  });

  it('reads the share card and H5 link query: id + leaderCode + channel', () => {
    const query = { id: '12', leaderCode: 'WANG2026', channel: 'poster' };
    expect(entryFromQuery(query)).toEqual({ leaderCode: 'WANG2026', channel: 'poster' });
    expect(campaignIdFromQuery(query)).toBe(12);
    expect(campaignIdFromQuery({ id: '7', channel: 'share_card', leaderCode: 'WANG2026' })).toBe(7);
  });

  it('prefers id over the scene and refuses ids that are not positive integers', () => {
    expect(campaignIdFromQuery({ id: '5', scene: 'g%3D6' })).toBe(5);
    expect(campaignIdFromQuery({ id: 'abc', scene: 'g%3D6' })).toBe(6);
    expect(campaignIdFromQuery({ id: '0' })).toBeNull();
    expect(campaignIdFromQuery({ id: '-3' })).toBeNull();
    expect(campaignIdFromQuery({ id: '1.5' })).toBeNull();
    expect(campaignIdFromQuery({ scene: 'WANG2026' })).toBeNull();
    expect(campaignIdFromQuery({ scene: '%E0%A4%A' })).toBeNull();
    expect(campaignIdFromQuery({})).toBeNull();
    expect(campaignIdFromQuery(null)).toBeNull();
  });

  it('turns a hash-style H5 link into the page route the browser router serves', () => {
    expect(pageRouteOfHash('#/pages/campaign/index?id=12&leaderCode=WANG2026&channel=poster')).toBe(
      '/pages/campaign/index?id=12&leaderCode=WANG2026&channel=poster',
    );
    expect(pageRouteOfHash('#/pages/index/index')).toBe('/pages/index/index');
    expect(pageRouteOfHash('#/pages/campaign/index?id=3', '?openid=demo-buyer')).toBe(
      '/pages/campaign/index?id=3&openid=demo-buyer',
    );
    expect(pageRouteOfHash('#/pages/index/index', '?openid=x')).toBe('/pages/index/index?openid=x');
    expect(pageRouteOfHash('')).toBeNull();
    expect(pageRouteOfHash('#top')).toBeNull();
    expect(pageRouteOfHash('#/pages/../../etc/index')).toBeNull();
  });

  it('builds a campaign share path that round-trips through the parsers', () => {
    expect(campaignSharePath(12, null)).toBe('/pages/campaign/index?id=12');
    const path = campaignSharePath(12, 'WANG2026');
    expect(path).toBe('/pages/campaign/index?id=12&leaderCode=WANG2026&channel=share_card');
    const query = parseSearch(path.slice(path.indexOf('?')));
    expect(campaignIdFromQuery(query)).toBe(12);
    expect(entryFromQuery(query)).toEqual({ leaderCode: 'WANG2026', channel: 'share_card' });
  });
});
