import { coverCrop, cutoffText, fitLine, pickupText, posterPrice, wrapText } from './poster-layout';

/** Every character 10 wide, so widths are easy to reason about. */
const measure = (s: string) => [...s].length * 10;

describe('posterPrice', () => {
  it.each([
    [1990, '19.9'],
    [1000, '10'],
    [1999, '19.99'],
    [5, '0.05'],
    [50, '0.5'],
    [0, '0'],
    [123456, '1234.56'],
  ])('%i fen → ¥%s', (fen, text) => expect(posterPrice(fen)).toBe(text));
});

describe('dates in Shanghai', () => {
  it('prints the cut-off in Shanghai wall-clock time', () => {
    expect(cutoffText(new Date('2026-03-04T14:00:00Z'))).toBe('3月4日 22:00 截单');
    expect(cutoffText(new Date('2026-03-04T16:30:00Z'))).toBe('3月5日 00:30 截单');
  });

  it('prints the pickup day with its weekday', () => {
    expect(pickupText('2026-03-05')).toBe('3月5日（周四）提货');
    expect(pickupText('2026-03-08')).toBe('3月8日（周日）提货');
  });
});

describe('wrapText', () => {
  it('keeps short text on one line', () => {
    expect(wrapText('邻里鲜果团', 100, measure, 2)).toEqual(['邻里鲜果团']);
  });

  it('breaks between characters', () => {
    expect(wrapText('一二三四五六七', 30, measure, 3)).toEqual(['一二三', '四五六', '七']);
  });

  it('ends the last line with an ellipsis when text is left over', () => {
    expect(wrapText('一二三四五六七八', 30, measure, 2)).toEqual(['一二三', '四五…']);
    expect(fitLine('海南金钻凤梨单果约2.5斤', 60, measure)).toBe('海南金钻凤…');
  });

  it('collapses whitespace and drops a space at the start of a line', () => {
    expect(wrapText('  ab   cd  ', 30, measure, 2)).toEqual(['ab ', 'cd']);
  });

  it('returns nothing for empty text', () => {
    expect(wrapText('', 30, measure, 2)).toEqual([]);
  });
});

describe('coverCrop', () => {
  it('cuts the sides of a wide image and the top and bottom of a tall one', () => {
    expect(coverCrop(2000, 1000, 750, 500)).toEqual({ sx: 250, sy: 0, sw: 1500, sh: 1000 });
    expect(coverCrop(750, 1000, 750, 500)).toEqual({ sx: 0, sy: 250, sw: 750, sh: 500 });
  });
});
