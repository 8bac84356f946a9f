import { errorExcerpt } from './error-excerpt';

describe('errorExcerpt', () => {
  it('keeps a short error as it is', () => {
    expect(errorExcerpt('Error: boom')).toBe('Error: boom');
    expect(errorExcerpt('x'.repeat(500))).toBe('x'.repeat(500));
  });

  it('cuts a long one to the limit, ellipsis included', () => {
    const cut = errorExcerpt('y'.repeat(4000));
    expect(cut).toHaveLength(500);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('counts code points, so a surrogate pair is never split', () => {
    const cut = errorExcerpt('😀'.repeat(10), 5);
    expect(Array.from(cut)).toEqual(['😀', '😀', '😀', '😀', '…']);
  });
});
