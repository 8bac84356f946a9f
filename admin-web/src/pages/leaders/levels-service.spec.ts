import { describe, expect, it } from 'vitest';
import type { DownlineNode, LeaderLevel } from '@linli/shared-types';
import { teamText, toTreeNode, withChildren } from './downline-tree';
import {
  bpsToPercent,
  evaluationSummary,
  fenToYuan,
  formatRate,
  fromLevelForm,
  holdHint,
  keepProblems,
  nextRank,
  percentToBps,
  tabFromSearch,
  toLevelForm,
  yuanToFen,
} from './levels-service';

const silver: LeaderLevel = {
  id: 2,
  name: '银牌团长',
  rank: 2,
  commissionRateBps: 1250,
  upgrade: { minGmv30dFen: 1_000_000, minActiveCustomers30d: 30 },
  keep: { minGmv30dFen: 500_050, minActiveCustomers30d: 15 },
  leaderCount: 3,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('money in yuan, rates in percent', () => {
  it('turns typed yuan into integer fen without float noise', () => {
    expect(yuanToFen(10000)).toBe(1_000_000);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen(1.005)).toBe(100); // 1.005 is 1.00499… in binary: never more than typed
    expect(fenToYuan(500_050)).toBe(5000.5);
  });

  it('turns percent into basis points and back', () => {
    expect(percentToBps(12.5)).toBe(1250);
    expect(percentToBps(0.07)).toBe(7);
    expect(percentToBps(100)).toBe(10000);
    expect(bpsToPercent(1250)).toBe(12.5);
    expect(formatRate(1000)).toBe('10%');
    expect(formatRate(1250)).toBe('12.5%');
    expect(formatRate(1234)).toBe('12.34%');
    expect(formatRate(0)).toBe('0%');
  });

  it('round-trips a level through the form', () => {
    const form = toLevelForm(silver, 9);
    expect(form).toEqual({
      name: '银牌团长',
      rank: 2,
      commissionRatePercent: 12.5,
      upgradeMinGmvYuan: 10000,
      upgradeMinActiveCustomers: 30,
      keepMinGmvYuan: 5000.5,
      keepMinActiveCustomers: 15,
    });
    expect(fromLevelForm({ ...form, name: '  银牌团长 ' })).toEqual({
      name: '银牌团长',
      rank: 2,
      commissionRateBps: 1250,
      upgrade: silver.upgrade,
      keep: silver.keep,
    });
  });

  it('starts a new level one rank above the top, at 10%, with no thresholds', () => {
    expect(toLevelForm(null, 4)).toMatchObject({ rank: 4, commissionRatePercent: 10, upgradeMinGmvYuan: 0 });
    expect(nextRank([silver, { ...silver, id: 3, rank: 7 }])).toBe(8);
    expect(nextRank([])).toBe(1);
    expect(nextRank([{ ...silver, rank: 99 }])).toBe(99);
  });
});

describe('keepProblems', () => {
  it('refuses keep thresholds above the upgrade thresholds, per field', () => {
    const form = toLevelForm(silver, 1);
    expect(keepProblems(form)).toEqual({});
    expect(keepProblems({ ...form, keepMinGmvYuan: 10000 })).toEqual({});
    expect(keepProblems({ ...form, keepMinGmvYuan: 10000.01 })).toEqual({
      keepMinGmvYuan: '保级GMV不能高于升级GMV',
    });
    expect(keepProblems({ ...form, keepMinActiveCustomers: 31 })).toEqual({
      keepMinActiveCustomers: '保级活跃客户数不能高于升级门槛',
    });
  });

  it('says nothing while a field is still empty', () => {
    expect(keepProblems({ keepMinGmvYuan: 5 })).toEqual({});
  });
});

describe('evaluationSummary', () => {
  it('names what changed', () => {
    expect(evaluationSummary({ evaluated: 12, initial: 1, upgraded: 2, downgraded: 1, held: 3 })).toBe(
      '评估 12 名团长：首次定级 1，升级 2，降级 1；保级期内跳过 3',
    );
  });

  it('says so when nothing changed', () => {
    expect(evaluationSummary({ evaluated: 5, initial: 0, upgraded: 0, downgraded: 0, held: 0 })).toBe(
      '评估 5 名团长：等级均无变化',
    );
  });
});

describe('detail tab in the URL', () => {
  it('opens the named tab, or 概况', () => {
    expect(tabFromSearch(new URLSearchParams('tab=levels'))).toBe('levels');
    expect(tabFromSearch(new URLSearchParams('tab=downline'))).toBe('downline');
    expect(tabFromSearch(new URLSearchParams('tab=nope'))).toBe('overview');
    expect(tabFromSearch(new URLSearchParams(''))).toBe('overview');
  });
});

describe('holdHint', () => {
  it('gives the date the hold ends, or says there is none', () => {
    expect(holdHint(30, new Date(2026, 10, 23, 10))).toBe('保级至 2026-12-23，期间自动评估不调整此团长');
    expect(holdHint(0)).toBe('不保级：下次自动评估即可能调整');
    expect(holdHint(null)).toBe('不保级：下次自动评估即可能调整');
  });
});

const node = (leaderId: number, recruitCount: number, descendantCount = recruitCount): DownlineNode => ({
  leaderId,
  name: `团长${leaderId}`,
  status: 'active',
  levelName: null,
  pickupPointName: null,
  recruitCount,
  descendantCount,
});

describe('downline tree', () => {
  it('keys nodes by their path and marks leaders without recruits as leaves', () => {
    expect(toTreeNode(node(1, 2), null)).toMatchObject({ key: '1', isLeaf: false });
    expect(toTreeNode(node(5, 0), '1/3')).toMatchObject({ key: '1/3/5', isLeaf: true });
  });

  it('loads children under a deep node without touching the rest', () => {
    const root = {
      ...toTreeNode(node(1, 2, 3), null),
      children: [toTreeNode(node(2, 1), '1'), toTreeNode(node(3, 0), '1')],
    };
    const tree = withChildren([root], '1/2', [node(4, 0)]);
    expect(tree[0].children?.[0].children?.map((c) => c.key)).toEqual(['1/2/4']);
    expect(tree[0].children?.[1]).toBe(root.children[1]);
    expect(root.children[0].children).toBeUndefined(); // immutable
  });

  it('keeps keys unique in a cyclic tree', () => {
    const tree = withChildren([toTreeNode(node(1, 1), null)], '1', [node(2, 1)]);
    const deeper = withChildren(tree, '1/2', [node(1, 1)]);
    expect(deeper[0].children?.[0].children?.[0].key).toBe('1/2/1');
  });

  it('describes the team', () => {
    expect(teamText(node(1, 2, 5))).toBe('直推 2 · 团队 5');
  });
});
