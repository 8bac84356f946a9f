import { existsSync, readFileSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import { BusinessError } from '../../../platform';
import { extractTtcFace } from './ttc-face';

/** Font families the poster draws with, once registered. */
export const POSTER_FONT = 'LinliPosterSans';
export const POSTER_FONT_BOLD = 'LinliPosterSansBold';

/**
 * Known places of a CJK font on the systems we run on (Debian/Ubuntu fonts-noto-cjk and
 * fonts-wqy-zenhei, Alpine/Arch font-noto-cjk). Registered explicitly: the canvas must not depend on
 * whatever fontconfig happens to pick, or Chinese silently turns into boxes.
 */
export const CJK_FONT_CANDIDATES: ReadonlyArray<{ regular: string; bold: string }> = [
  {
    regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
  },
  {
    regular: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    bold: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
  },
  {
    regular: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    bold: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  },
  {
    regular: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc',
    bold: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc',
  },
];

let registered: string | null = null;

/**
 * Registers the first CJK font found (once per process) and returns its path; 503 POSTER_FONT_MISSING
 * when none is installed, so the operator learns what to install instead of getting a poster of boxes.
 */
export function ensurePosterFonts(candidates = CJK_FONT_CANDIDATES): string {
  if (registered) return registered;
  for (const candidate of candidates) {
    if (!existsSync(candidate.regular)) continue;
    registerFont(candidate.regular, POSTER_FONT);
    registerFont(existsSync(candidate.bold) ? candidate.bold : candidate.regular, POSTER_FONT_BOLD);
    registered = candidate.regular;
    return registered;
  }
  throw new BusinessError(
    'POSTER_FONT_MISSING',
    '服务器未安装中文字体，无法生成海报（请安装 fonts-noto-cjk 或 fonts-wqy-zenhei）',
    503,
  );
}

/** The Simplified Chinese face of the Noto CJK collections (their first face is Japanese). */
const SIMPLIFIED_CHINESE_FAMILY = 'Noto Sans CJK SC';

/** Registers a font file; from a Noto CJK collection, its Simplified Chinese face (see ttc-face.ts). */
function registerFont(path: string, alias: string): void {
  const face = path.endsWith('.ttc') ? extractTtcFace(readFileSync(path), SIMPLIFIED_CHINESE_FAMILY) : null;
  if (face) GlobalFonts.register(face, alias);
  else GlobalFonts.registerFromPath(path, alias);
}
