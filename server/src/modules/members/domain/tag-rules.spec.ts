import { bulkSelectionOf, isManagedByHand, isTagColor, normalizeTagName } from './tag-rules';

describe('normalizeTagName', () => {
  it('trims and collapses inner whitespace', () => {
    expect(normalizeTagName('  爱  生鲜 ', '标签')).toEqual({ ok: true, name: '爱 生鲜' });
  });

  it('refuses an empty name and one longer than 16 characters, counting an emoji as one', () => {
    expect(normalizeTagName('   ', '标签组')).toEqual({ ok: false, message: '标签组名称不能为空' });
    expect(normalizeTagName('一二三四五六七八九十一二三四五六七', '标签')).toEqual({
      ok: false,
      message: '标签名称最长 16 个字',
    });
    expect(normalizeTagName('🍎'.repeat(16), '标签')).toEqual({ ok: true, name: '🍎'.repeat(16) });
  });
});

describe('isTagColor', () => {
  it('accepts the preset colours only', () => {
    expect(isTagColor('geekblue')).toBe(true);
    expect(isTagColor('#ff0000')).toBe(false);
    expect(isTagColor(undefined)).toBe(false);
  });
});

describe('isManagedByHand', () => {
  it('leaves rule tags to the rule engine', () => {
    expect(isManagedByHand('manual')).toBe(true);
    expect(isManagedByHand('rule')).toBe(false);
  });
});

describe('bulkSelectionOf', () => {
  it('takes ids, deduplicated', () => {
    expect(bulkSelectionOf([3, 1, 3], undefined)).toEqual({ ok: true, by: 'ids', memberIds: [3, 1] });
  });

  it('takes a filter, even an empty one (every member)', () => {
    expect(bulkSelectionOf(undefined, { tagId: 2 })).toEqual({
      ok: true,
      by: 'filter',
      filter: { tagId: 2 },
    });
    expect(bulkSelectionOf(undefined, {})).toEqual({ ok: true, by: 'filter', filter: {} });
  });

  it('refuses both, neither, no ids and more than 1000 ids', () => {
    expect(bulkSelectionOf([1], {}).ok).toBe(false);
    expect(bulkSelectionOf(undefined, undefined).ok).toBe(false);
    expect(bulkSelectionOf([], undefined)).toEqual({ ok: false, message: '请至少选择 1 位会员' });
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    expect(bulkSelectionOf(many, undefined).ok).toBe(false);
  });
});
