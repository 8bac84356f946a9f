import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import type { Fen } from '@linli/shared-types';
import { ensurePosterFonts, POSTER_FONT, POSTER_FONT_BOLD } from './poster-fonts';
import { coverCrop, cutoffText, fitLine, pickupText, posterPrice, wrapText } from './poster-layout';

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;
/** At most this many items are drawn; the rest are counted ("等 N 款"). */
export const POSTER_MAX_ITEMS = 4;

/** Everything drawn on a poster (its hash is the cache key, so nothing drawn may be missing here). */
export interface PosterContent {
  title: string;
  cutoffAt: string;
  pickupDate: string;
  items: Array<{ name: string; spec: string; groupPrice: Fen; originalPrice: Fen; imageUrl: string | null }>;
  moreItems: number;
  coverUrl: string | null;
  leaderName: string;
  pickupPointName: string | null;
  pickupAddress: string | null;
  codeKind: 'wxacode' | 'qrcode';
  /** The link (QR) or scene (mini-program code) the code carries. */
  codePayload: string;
}

/** Image bytes the poster needs, loaded by the caller. */
export interface PosterImages {
  cover: Buffer | null;
  items: Array<Buffer | null>;
  code: Buffer;
}

const RED = '#E8432E';
const INK = '#1F2329';
const GREY = '#8A9099';
const PAGE = '#FFF4EC';
const MARGIN = 32;
const COVER_HEIGHT = 430;
const CARD_TOP = 340;
const CODE_SIZE = 200;
/** The footer (leader, pickup point, code and its caption) starts here; the card must end above it. */
const FOOTER_TOP = POSTER_HEIGHT - 40 - 40 - CODE_SIZE;
const ROW_HEIGHT = 96;

/** Draws the share poster as a PNG (750×1334, the phone-screen ratio WeChat shows full-screen). */
export async function renderPoster(content: PosterContent, images: PosterImages): Promise<Buffer> {
  ensurePosterFonts();
  const canvas = createCanvas(POSTER_WIDTH, POSTER_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = PAGE;
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  await drawCover(ctx, images.cover);
  await drawCard(ctx, content, images.items);
  await drawFooter(ctx, content, images.code);
  return canvas.toBuffer('image/png');
}

async function drawCover(ctx: SKRSContext2D, bytes: Buffer | null): Promise<void> {
  const image = bytes ? await tryLoad(bytes) : null;
  if (image) {
    const { sx, sy, sw, sh } = coverCrop(image.width, image.height, POSTER_WIDTH, COVER_HEIGHT);
    ctx.drawImage(image, sx, sy, sw, sh, 0, 0, POSTER_WIDTH, COVER_HEIGHT);
  } else {
    drawPlaceholderCover(ctx);
  }
  // Brand tag, top left.
  ctx.font = `24px ${POSTER_FONT_BOLD}`;
  const tag = '邻里团购 · 社区好物';
  const tagWidth = ctx.measureText(tag).width + 40;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.35)';
  roundRect(ctx, MARGIN, 32, tagWidth, 48, 24);
  ctx.fill();
  ctx.fillStyle = '#FFFFFF';
  ctx.textBaseline = 'middle';
  ctx.fillText(tag, MARGIN + 20, 57);
  ctx.textBaseline = 'alphabetic';
}

/** No cover uploaded: a warm gradient with a quiet pattern of the brand's character. */
function drawPlaceholderCover(ctx: SKRSContext2D): void {
  const gradient = ctx.createLinearGradient(0, 0, POSTER_WIDTH, COVER_HEIGHT);
  gradient.addColorStop(0, '#FF8A5B');
  gradient.addColorStop(1, '#E8432E');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, POSTER_WIDTH, COVER_HEIGHT);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.08)';
  for (let i = 0; i < 6; i++) {
    ctx.beginPath();
    ctx.arc(620 - i * 40, 120 + i * 30, 160 - i * 18, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.font = `84px ${POSTER_FONT_BOLD}`;
  ctx.fillText('今日团购', MARGIN + 8, 250);
  ctx.font = `34px ${POSTER_FONT}`;
  ctx.fillText('产地直采 · 次日自提 · 邻里拼团更划算', MARGIN + 10, 312);
}

/** The white card: title, dates, and as many items as fit above the footer. */
async function drawCard(
  ctx: SKRSContext2D,
  content: PosterContent,
  itemImages: Array<Buffer | null>,
): Promise<void> {
  const x = MARGIN;
  const width = POSTER_WIDTH - 2 * MARGIN;
  const inner = width - 2 * 32;
  ctx.font = `44px ${POSTER_FONT_BOLD}`;
  const titleLines = wrapText(content.title, inner, (s) => ctx.measureText(s).width, 2);
  // Rows that fit above the footer; items that do not fit are counted with the rest.
  const fixed = 36 + titleLines.length * 60 + 70 + 44 + 20;
  const fitting = Math.floor((FOOTER_TOP - 28 - CARD_TOP - fixed) / ROW_HEIGHT);
  const itemCount = Math.min(content.items.length, POSTER_MAX_ITEMS, fitting);
  const moreItems = content.moreItems + content.items.length - itemCount;
  const height = 36 + titleLines.length * 60 + 70 + itemCount * ROW_HEIGHT + (moreItems > 0 ? 44 : 8) + 20;

  ctx.save();
  ctx.shadowColor = 'rgba(232, 67, 46, 0.12)';
  ctx.shadowBlur = 24;
  ctx.shadowOffsetY = 8;
  ctx.fillStyle = '#FFFFFF';
  roundRect(ctx, x, CARD_TOP, width, height, 24);
  ctx.fill();
  ctx.restore();

  let y = CARD_TOP + 36;
  ctx.fillStyle = INK;
  ctx.font = `44px ${POSTER_FONT_BOLD}`;
  for (const line of titleLines) {
    ctx.fillText(line, x + 32, y + 44);
    y += 60;
  }
  // Cut-off and pickup, as a pill each.
  y += 8;
  ctx.font = `24px ${POSTER_FONT}`;
  let pillX = x + 32;
  for (const [text, fill, color] of [
    [cutoffText(new Date(content.cutoffAt)), '#FDECE8', RED],
    [pickupText(content.pickupDate), '#F1F3F5', '#4E5969'],
  ] as const) {
    const w = ctx.measureText(text).width + 28;
    ctx.fillStyle = fill;
    roundRect(ctx, pillX, y, w, 42, 21);
    ctx.fill();
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, pillX + 14, y + 22);
    ctx.textBaseline = 'alphabetic';
    pillX += w + 12;
  }
  y += 62;

  for (let i = 0; i < itemCount; i++) {
    await drawItem(ctx, content.items[i], itemImages[i] ?? null, x + 32, y, inner);
    y += ROW_HEIGHT;
  }
  if (moreItems > 0) {
    ctx.fillStyle = GREY;
    ctx.font = `24px ${POSTER_FONT}`;
    const more = `还有 ${moreItems} 款好物，扫码查看全部`;
    ctx.fillText(more, x + (width - ctx.measureText(more).width) / 2, y + 26);
  }
}

async function drawItem(
  ctx: SKRSContext2D,
  item: PosterContent['items'][number],
  imageBytes: Buffer | null,
  x: number,
  y: number,
  width: number,
): Promise<void> {
  const thumb = 84;
  const image = imageBytes ? await tryLoad(imageBytes) : null;
  ctx.save();
  roundRect(ctx, x, y, thumb, thumb, 12);
  ctx.clip();
  if (image) {
    const { sx, sy, sw, sh } = coverCrop(image.width, image.height, thumb, thumb);
    ctx.drawImage(image, sx, sy, sw, sh, x, y, thumb, thumb);
  } else {
    ctx.fillStyle = '#FFE3D6';
    ctx.fillRect(x, y, thumb, thumb);
    ctx.fillStyle = RED;
    ctx.font = `40px ${POSTER_FONT_BOLD}`;
    const initial = [...item.name][0] ?? '团';
    ctx.fillText(initial, x + (thumb - ctx.measureText(initial).width) / 2, y + 56);
  }
  ctx.restore();

  // Price block on the right, measured first so the name can take the rest.
  const price = posterPrice(item.groupPrice);
  ctx.font = `44px ${POSTER_FONT_BOLD}`;
  const priceWidth = ctx.measureText(price).width;
  ctx.font = `26px ${POSTER_FONT_BOLD}`;
  const yenWidth = ctx.measureText('¥').width;
  const right = x + width;
  ctx.fillStyle = RED;
  ctx.fillText('¥', right - priceWidth - yenWidth - 2, y + 46);
  ctx.font = `44px ${POSTER_FONT_BOLD}`;
  ctx.fillText(price, right - priceWidth, y + 46);
  if (item.originalPrice > item.groupPrice) {
    const original = `¥${posterPrice(item.originalPrice)}`;
    ctx.font = `24px ${POSTER_FONT}`;
    ctx.fillStyle = GREY;
    const w = ctx.measureText(original).width;
    ctx.fillText(original, right - w, y + 78);
    ctx.fillRect(right - w, y + 70, w, 2);
  }

  const textX = x + thumb + 20;
  const textWidth = right - Math.max(priceWidth + yenWidth, 110) - 24 - textX;
  ctx.fillStyle = INK;
  ctx.font = `30px ${POSTER_FONT_BOLD}`;
  ctx.fillText(
    fitLine(item.name, textWidth, (s) => ctx.measureText(s).width),
    textX,
    y + 36,
  );
  ctx.fillStyle = GREY;
  ctx.font = `24px ${POSTER_FONT}`;
  if (item.spec)
    ctx.fillText(
      fitLine(item.spec, textWidth, (s) => ctx.measureText(s).width),
      textX,
      y + 72,
    );
}

/** Leader and pickup point on the left, the code on the right, at the bottom of the page. */
async function drawFooter(ctx: SKRSContext2D, content: PosterContent, code: Buffer): Promise<void> {
  const top = FOOTER_TOP;
  const codeX = POSTER_WIDTH - MARGIN - CODE_SIZE;
  ctx.fillStyle = '#FFFFFF';
  roundRect(ctx, codeX - 12, top - 12, CODE_SIZE + 24, CODE_SIZE + 24, 16);
  ctx.fill();
  const image = await loadImage(code);
  ctx.imageSmoothingEnabled = content.codeKind === 'wxacode';
  ctx.drawImage(image, codeX, top, CODE_SIZE, CODE_SIZE);
  ctx.imageSmoothingEnabled = true;
  ctx.fillStyle = GREY;
  ctx.font = `22px ${POSTER_FONT}`;
  const caption = content.codeKind === 'wxacode' ? '长按识别 · 进入小程序参团' : '长按识别 / 扫码参团';
  ctx.fillText(caption, codeX + (CODE_SIZE - ctx.measureText(caption).width) / 2, top + CODE_SIZE + 46);

  const left = MARGIN;
  const textWidth = codeX - 36 - left;
  const avatar = 72;
  ctx.fillStyle = RED;
  ctx.beginPath();
  ctx.arc(left + avatar / 2, top + avatar / 2, avatar / 2, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#FFFFFF';
  ctx.font = `34px ${POSTER_FONT_BOLD}`;
  const initial = [...content.leaderName][0] ?? '团';
  ctx.fillText(initial, left + (avatar - ctx.measureText(initial).width) / 2, top + 48);

  const nameX = left + avatar + 16;
  ctx.fillStyle = GREY;
  ctx.font = `22px ${POSTER_FONT}`;
  ctx.fillText('你的团长', nameX, top + 26);
  ctx.fillStyle = INK;
  ctx.font = `32px ${POSTER_FONT_BOLD}`;
  ctx.fillText(
    fitLine(content.leaderName, codeX - 36 - nameX, (s) => ctx.measureText(s).width),
    nameX,
    top + 64,
  );

  let y = top + avatar + 48;
  if (content.pickupPointName) {
    ctx.fillStyle = INK;
    ctx.font = `26px ${POSTER_FONT_BOLD}`;
    ctx.fillText(
      fitLine(`自提点：${content.pickupPointName}`, textWidth, (s) => ctx.measureText(s).width),
      left,
      y,
    );
    y += 40;
  }
  if (content.pickupAddress) {
    ctx.fillStyle = GREY;
    ctx.font = `22px ${POSTER_FONT}`;
    for (const line of wrapText(content.pickupAddress, textWidth, (s) => ctx.measureText(s).width, 2)) {
      ctx.fillText(line, left, y);
      y += 32;
    }
  }
}

function roundRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** A broken upload must not break the poster: it is drawn without that picture. */
async function tryLoad(bytes: Buffer): Promise<Image | null> {
  try {
    return await loadImage(bytes);
  } catch {
    return null;
  }
}
