// Draws the tab bar icons (81x81 PNG, WeChat's recommended size) from simple shapes, so the repo needs
// no downloaded artwork. Run: node miniapp/scripts/generate-tab-icons.mjs (outputs are checked in).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4;
const COLORS = { normal: [0x8a, 0x8f, 0x87], active: [0x1f, 0x9d, 0x55] };
const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar');

// Shapes work in a 0..1 square.
const inRoundRect = (x, y, l, t, r, b, rad) => {
  if (x < l || x > r || y < t || y > b) return false;
  const cx = Math.min(Math.max(x, l + rad), r - rad);
  const cy = Math.min(Math.max(y, t + rad), b - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad ** 2;
};
const inCircle = (x, y, cx, cy, rad) => (x - cx) ** 2 + (y - cy) ** 2 <= rad ** 2;
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by);
  const d2 = s(x, y, bx, by, cx, cy);
  const d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

const ICONS = {
  home: (x, y) => {
    const roof = inTriangle(x, y, [0.5, 0.12], [0.1, 0.48], [0.9, 0.48]);
    const body = inRoundRect(x, y, 0.2, 0.42, 0.8, 0.86, 0.06);
    const door = inRoundRect(x, y, 0.42, 0.6, 0.58, 0.87, 0.04);
    return (roof || body) && !door;
  },
  orders: (x, y) => {
    const sheet = inRoundRect(x, y, 0.2, 0.12, 0.8, 0.88, 0.08);
    const line = (top, right) => inRoundRect(x, y, 0.32, top, right, top + 0.07, 0.035);
    return sheet && !line(0.3, 0.68) && !line(0.46, 0.68) && !line(0.62, 0.54);
  },
  mine: (x, y) => inCircle(x, y, 0.5, 0.33, 0.19) || (inCircle(x, y, 0.5, 0.9, 0.36) && y <= 0.86),
};

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(shape, [r, g, b]) {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
        }
      }
      row.set([r, g, b, Math.round((255 * hits) / SAMPLES ** 2)], 1 + px * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(outDir, `${name}.png`), png(shape, COLORS.normal));
  fs.writeFileSync(path.join(outDir, `${name}-active.png`), png(shape, COLORS.active));
}
console.log(`tab bar icons written to ${outDir}`);
