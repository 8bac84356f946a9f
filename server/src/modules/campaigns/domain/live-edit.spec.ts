import { editScope, liveEditLocks, passedTimeProblems, type CampaignContent } from './live-edit';

const current: CampaignContent = {
  title: '周末鲜果团',
  coverKey: null,
  description: null,
  startAt: new Date('2026-03-01T00:00:00Z'),
  endAt: new Date('2026-03-03T00:00:00Z'),
  cutoffAt: new Date('2026-03-02T14:00:00Z'),
  pickupDate: '2026-03-03',
  audience: { kind: 'all', levelIds: [], leaderIds: [] },
  flashSale: false,
  items: [
    { skuId: 1, groupPrice: 1990, originalPrice: 2990, perMemberLimit: 2, stockCap: 100 },
    { skuId: 2, groupPrice: 990, originalPrice: 1290, perMemberLimit: 0, stockCap: null },
  ],
};
const edit = (change: Partial<CampaignContent>): CampaignContent => ({ ...current, ...change });
const withItem = (index: number, change: Partial<CampaignContent['items'][number]>) =>
  edit({ items: current.items.map((item, i) => (i === index ? { ...item, ...change } : item)) });

describe('editScope', () => {
  it('edits drafts and scheduled fully, live partly, ended not at all', () => {
    expect([editScope('draft'), editScope('scheduled'), editScope('live'), editScope('ended')]).toEqual([
      'full',
      'full',
      'live',
      'none',
    ]);
  });
});

describe('liveEditLocks', () => {
  const allowed: Array<[string, CampaignContent]> = [
    [
      'title, cover and description',
      edit({ title: '新标题', coverKey: '2026/03/01/' + 'a'.repeat(32) + '.png', description: '说明' }),
    ],
    [
      'a later end and cut-off',
      edit({ endAt: new Date('2026-03-04T00:00:00Z'), cutoffAt: new Date('2026-03-03T14:00:00Z') }),
    ],
    ['the pickup date', edit({ pickupDate: '2026-03-04' })],
    [
      'a new item',
      edit({
        items: [
          ...current.items,
          { skuId: 3, groupPrice: 100, originalPrice: 200, perMemberLimit: 1, stockCap: 5 },
        ],
      }),
    ],
    ['a raised cap', withItem(0, { stockCap: 150 })],
    ['a cap lifted entirely', withItem(0, { stockCap: null })],
    ['items in another order', edit({ items: [current.items[1], current.items[0]] })],
    ['nothing at all', edit({})],
  ];
  it.each(allowed)('allows %s', (_label, next) => {
    expect(liveEditLocks(current, next)).toEqual([]);
  });

  const locked: Array<[string, CampaignContent, string]> = [
    ['the start', edit({ startAt: new Date('2026-03-01T01:00:00Z') }), 'startAt'],
    ['an earlier end', edit({ endAt: new Date('2026-03-02T23:00:00Z') }), 'endAt'],
    ['an earlier cut-off', edit({ cutoffAt: new Date('2026-03-02T13:00:00Z') }), 'cutoffAt'],
    ['the audience', edit({ audience: { kind: 'leaders', levelIds: [], leaderIds: [7] } }), 'audience'],
    ['the flash-sale switch', edit({ flashSale: true }), 'flashSale'],
    ['a removed item', edit({ items: [current.items[0]] }), 'items'],
    ['a group price', withItem(1, { groupPrice: 890 }), 'items.1'],
    ['an original price', withItem(0, { originalPrice: 3990 }), 'items.0'],
    ['a limit', withItem(0, { perMemberLimit: 3 }), 'items.0'],
    ['a lowered cap', withItem(0, { stockCap: 99 }), 'items.0'],
    ['a cap on an uncapped item', withItem(1, { stockCap: 1000 }), 'items.1'],
  ];
  it.each(locked)('locks %s', (_label, next, field) => {
    expect(liveEditLocks(current, next).map((l) => l.field)).toEqual([field]);
  });
});

describe('passedTimeProblems', () => {
  const afterCutoff = new Date('2026-03-02T20:00:00Z'); // cut-off passed, end still ahead
  const fields = (next: CampaignContent, now: Date, unchanged?: CampaignContent) =>
    passedTimeProblems(next, now, unchanged).map((p) => p.field);

  it('checks both times of a campaign about to run: the end first, else the cut-off', () => {
    expect(fields(current, afterCutoff)).toEqual(['cutoffAt']);
    expect(fields(current, new Date('2026-03-04T00:00:00Z'))).toEqual(['endAt']);
    expect(fields(current, new Date('2026-03-01T00:00:00Z'))).toEqual([]);
  });

  it('for a live campaign checks only the times the edit changes', () => {
    expect(fields(edit({ title: '新标题', pickupDate: '2026-03-04' }), afterCutoff, current)).toEqual([]);
    const laterButPast = edit({ cutoffAt: new Date('2026-03-02T15:00:00Z') });
    expect(fields(laterButPast, afterCutoff, current)).toEqual(['cutoffAt']);
    expect(fields(edit({ endAt: new Date('2026-03-04T00:00:00Z') }), afterCutoff, current)).toEqual([]);
    expect(fields(edit({ endAt: new Date('2026-03-02T19:00:00Z') }), afterCutoff, current)).toEqual([
      'endAt',
    ]);
  });
});
