import type { Fen } from '@linli/shared-types';
import { SHANGHAI_OFFSET_MS } from '../../../platform/time/shanghai';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** A poster price: yuan without trailing zeros (¥19.9, ¥10), the way group-buy posters print them. */
export function posterPrice(fen: Fen): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return `${yuan}`;
  return cents % 10 === 0 ? `${yuan}.${cents / 10}` : `${yuan}.${String(cents).padStart(2, '0')}`;
}

/** The cut-off in Shanghai time: "3月4日 22:00 截单". */
export function cutoffText(cutoffAt: Date): string {
  const local = new Date(cutoffAt.getTime() + SHANGHAI_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${hh}:${mm} 截单`;
}

/** The pickup day: "3月5日（周四）提货". */
export function pickupText(pickupDate: string): string {
  const day = new Date(`${pickupDate}T00:00:00Z`);
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日（周${WEEKDAYS[day.getUTCDay()]}）提货`;
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `maxWidth` (by `measure`), character by
 * character (Chinese has no spaces to break at), and ends the last line with "…" when text is left over.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (s: string) => number,
  maxLines: number,
): string[] {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < chars.length; i++) {
    const next = line + chars[i];
    if (measure(next) <= maxWidth || line.length === 0) {
      line = next;
      continue;
    }
    lines.push(line);
    line = chars[i].trim();
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return lines;
  }
  // Text is left over: the last line gets an ellipsis, shortened until it fits.
  let last = lines[maxLines - 1];
  while (last.length > 0 && measure(`${last}…`) > maxWidth) last = [...last].slice(0, -1).join('');
  lines[maxLines - 1] = `${last}…`;
  return lines;
}

/** Fits one line, with "…" when cut. */
export function fitLine(text: string, maxWidth: number, measure: (s: string) => number): string {
  return wrapText(text, maxWidth, measure, 1)[0] ?? '';
}

/** Where a cover of `w`×`h` is cut to fill a `boxW`×`boxH` frame (centred, like CSS object-fit: cover). */
export function coverCrop(
  w: number,
  h: number,
  boxW: number,
  boxH: number,
): { sx: number; sy: number; sw: number; sh: number } {
  const scale = Math.max(boxW / w, boxH / h);
  const sw = boxW / scale;
  const sh = boxH / scale;
  return { sx: (w - sw) / 2, sy: (h - sh) / 2, sw, sh };
}
