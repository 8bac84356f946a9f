import { ensurePosterFonts } from './poster-fonts';

describe('ensurePosterFonts', () => {
  it('answers 503 POSTER_FONT_MISSING when no CJK font is installed', () => {
    expect(() => ensurePosterFonts([{ regular: '/nonexistent/a.ttc', bold: '/nonexistent/b.ttc' }])).toThrow(
      expect.objectContaining({ code: 'POSTER_FONT_MISSING', status: 503 }),
    );
  });

  it('registers the first font found, once', () => {
    const candidates = [
      { regular: '/nonexistent/a.ttc', bold: '/nonexistent/b.ttc' },
      {
        regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
        bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      },
    ];
    expect(ensurePosterFonts(candidates)).toBe(candidates[1].regular);
    expect(ensurePosterFonts([])).toBe(candidates[1].regular);
  });
});
