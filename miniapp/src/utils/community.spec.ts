import { communityNameError, joinMeta, mergePage, pngBase64Of } from './community';

describe('communityNameError', () => {
  it('wants 2–32 characters, counting Chinese characters as one', () => {
    expect(communityNameError('  ')).toBe('请填写社群名称');
    expect(communityNameError('群')).toMatch(/2–32/);
    expect(communityNameError('翠苑一区1号楼团购群')).toBeNull();
    expect(communityNameError('团'.repeat(32))).toBeNull();
    expect(communityNameError('团'.repeat(33))).toMatch(/2–32/);
  });
});

describe('pngBase64Of', () => {
  it('takes the payload of a PNG data URL only', () => {
    expect(pngBase64Of('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
    expect(pngBase64Of('data:image/jpeg;base64,AAAA')).toBeNull();
    expect(pngBase64Of('https://example.com/qr.png')).toBeNull();
  });
});

describe('mergePage', () => {
  const page = (n: number, ids: number[], total: number) => ({
    items: ids.map((id) => ({ id })),
    page: n,
    pageSize: 2,
    total,
  });
  const key = (item: { id: number }) => item.id;

  it('replaces on page 1 and appends later pages without duplicates', () => {
    const first = mergePage(null, page(1, [9, 8], 5), key);
    expect(first).toMatchObject({ page: 1, total: 5, hasMore: true });
    // A new customer arrived: page 2 now starts with 8 again.
    const second = mergePage(first, page(2, [8, 7], 6), key);
    expect(second.items.map(key)).toEqual([9, 8, 7]);
    expect(mergePage(second, page(1, [10, 9], 6), key).items.map(key)).toEqual([10, 9]);
  });

  it('knows when there is nothing more', () => {
    expect(mergePage(null, page(1, [1], 1), key).hasMore).toBe(false);
    expect(mergePage(null, page(1, [2, 1], 2), key).hasMore).toBe(false);
  });
});

describe('joinMeta', () => {
  it('joins the known parts', () => {
    expect(joinMeta(['138****5678', null, false, '2 个社群'])).toBe('138****5678 · 2 个社群');
  });
});
