// Draws the demo product pictures once (SVG shapes rendered by Chromium) into
// JPEGs beside this file. Run from the repository root: `node server/assets/demo/generate.mjs`.
// The JPEGs are committed; the demo seed copies them into the file storage.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

const leaf = (x, y, r, s = 1) =>
  `<path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M0 0 C 30 -40 90 -40 120 0 C 90 40 30 40 0 0 Z" fill="#3f9b4b"/><path transform="translate(${x} ${y}) rotate(${r}) scale(${s})" d="M0 0 L 110 0" stroke="#2d7a38" stroke-width="4"/>`;
const shine = (x, y, r) =>
  `<ellipse cx="${x}" cy="${y}" rx="${r * 0.28}" ry="${r * 0.16}" fill="#fff" opacity=".45" transform="rotate(-30 ${x} ${y})"/>`;
const fruit = (x, y, r, color, dark) =>
  `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}"/><circle cx="${x}" cy="${y}" r="${r}" fill="url(#shade)"/>${shine(x - r * 0.35, y - r * 0.4, r)}` +
  (dark
    ? `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="${dark}" stroke-width="3" opacity=".4"/>`
    : '');
const egg = (x, y, s, color = '#f3dcc0') =>
  `<ellipse cx="${x}" cy="${y}" rx="${46 * s}" ry="${60 * s}" fill="${color}"/><ellipse cx="${x}" cy="${y}" rx="${46 * s}" ry="${60 * s}" fill="url(#shade)"/>${shine(x - 14 * s, y - 22 * s, 50 * s)}`;

const drawings = {
  pineapple: () =>
    [
      leaf(320, 190, -100, 1.1),
      leaf(320, 190, -70, 1),
      leaf(320, 190, -125, 0.95),
      leaf(320, 195, -50, 0.8),
      leaf(320, 195, -145, 0.8),
    ].join('') +
    `<clipPath id="body"><ellipse cx="320" cy="330" rx="120" ry="150"/></clipPath>` +
    `<ellipse cx="320" cy="330" rx="120" ry="150" fill="#f5b82e"/><g clip-path="url(#body)">` +
    Array.from(
      { length: 12 },
      (_, i) =>
        `<path d="M${i * 50} 160 l 300 300" stroke="#c98a12" stroke-width="5" opacity=".6"/><path d="M${640 - i * 50} 160 l -300 300" stroke="#c98a12" stroke-width="5" opacity=".6"/>`,
    ).join('') +
    `</g>` +
    `<ellipse cx="320" cy="330" rx="120" ry="150" fill="url(#shade)"/>`,
  tomato: () =>
    [
      [250, 300, 70],
      [380, 290, 75],
      [315, 395, 78],
      [200, 410, 60],
      [440, 405, 62],
    ]
      .map(
        ([x, y, r]) =>
          fruit(x, y, r, '#e5402f') +
          `<path transform="translate(${x} ${y - r + 6})" d="M0 0 l-18 -6 l12 -10 l6 -14 l6 14 l12 10 z" fill="#3f9b4b"/>`,
      )
      .join(''),
  eggs: () =>
    `<path d="M120 360 Q 320 560 520 360 Z" fill="#b07a45"/>` +
    [
      egg(230, 320, 1),
      egg(330, 300, 1.1),
      egg(430, 325, 1),
      egg(280, 375, 1, '#fbeedd'),
      egg(385, 378, 1, '#eecfa8'),
    ].join('') +
    `<path d="M110 360 L 530 360 Q 500 520 320 530 Q 140 520 110 360 Z" fill="#c98d54"/>` +
    Array.from(
      { length: 6 },
      (_, i) =>
        `<path d="M${140 + i * 70} 370 Q ${175 + i * 70} 450 ${150 + i * 70} 515" stroke="#a4713f" stroke-width="6" fill="none"/>`,
    ).join(''),
  apple: () =>
    `<path d="M320 215 q 8 -50 30 -70" stroke="#6b4226" stroke-width="10" fill="none" stroke-linecap="round"/>` +
    leaf(330, 170, -20, 0.9) +
    `<path d="M320 230 C 240 170 130 230 150 350 C 165 450 250 500 320 470 C 390 500 475 450 490 350 C 510 230 400 170 320 230 Z" fill="#d8262f"/>` +
    `<path d="M320 230 C 240 170 130 230 150 350 C 165 450 250 500 320 470 C 390 500 475 450 490 350 C 510 230 400 170 320 230 Z" fill="url(#shade)"/>` +
    shine(230, 280, 110),
  greens: () =>
    [-40, -20, 0, 20, 40]
      .map(
        (r, i) =>
          `<path transform="rotate(${r} 320 500)" d="M320 500 C 250 420 250 250 320 150 C 390 250 390 420 320 500 Z" fill="${i % 2 ? '#4caf50' : '#63c35f'}"/><path transform="rotate(${r} 320 500)" d="M320 500 L 320 190" stroke="#e7f6d9" stroke-width="9"/>`,
      )
      .join('') + `<rect x="285" y="440" width="70" height="80" rx="20" fill="#e7f6d9"/>`,
  orange: () =>
    fruit(260, 340, 110, '#f7901e') +
    fruit(405, 330, 95, '#f9a234') +
    leaf(400, 235, -35, 0.8) +
    Array.from(
      { length: 40 },
      (_, i) =>
        `<circle cx="${200 + ((i * 53) % 260)}" cy="${260 + ((i * 37) % 160)}" r="2.5" fill="#d9700c" opacity=".5"/>`,
    ).join(''),
  lychee: () =>
    `<path d="M320 140 C 300 200 280 230 250 260 M320 140 C 340 200 370 230 400 250" stroke="#6b4226" stroke-width="8" fill="none"/>` +
    leaf(320, 150, -160, 0.9) +
    leaf(320, 150, -20, 0.9) +
    [
      [245, 300, 70],
      [395, 290, 72],
      [320, 390, 78],
      [220, 420, 62],
      [430, 410, 64],
    ]
      .map(
        ([x, y, r]) =>
          fruit(x, y, r, '#c8233c') +
          Array.from(
            { length: 14 },
            (_, i) =>
              `<circle cx="${x + Math.cos(i) * r * 0.6}" cy="${y + Math.sin(i * 1.7) * r * 0.6}" r="4" fill="#8f1326" opacity=".55"/>`,
          ).join(''),
      )
      .join(''),
  rice: () =>
    `<path d="M200 200 Q 320 170 440 200 L 470 500 Q 320 540 170 500 Z" fill="#f4ead4"/>` +
    `<path d="M200 200 Q 320 170 440 200 L 470 500 Q 320 540 170 500 Z" fill="url(#shade)"/>` +
    `<path d="M205 240 Q 320 215 435 240" stroke="#c23b22" stroke-width="14" fill="none"/>` +
    `<circle cx="320" cy="360" r="62" fill="#c23b22"/><text x="320" y="384" font-size="64" text-anchor="middle" fill="#fff" font-family="Noto Serif CJK SC" font-weight="700">米</text>` +
    Array.from(
      { length: 18 },
      (_, i) =>
        `<ellipse cx="${150 + ((i * 61) % 340)}" cy="${520 + ((i * 7) % 30)}" rx="9" ry="5" fill="#fffaf0" transform="rotate(${i * 25} ${150 + ((i * 61) % 340)} ${520 + ((i * 7) % 30)})"/>`,
    ).join(''),
  breakfast: () =>
    `<path d="M90 380 Q 320 600 550 380 Z" fill="#b07a45"/>` +
    [egg(220, 330, 0.9), egg(300, 315, 0.95, '#fbeedd')].join('') +
    [
      [390, 320, 48],
      [455, 340, 44],
      [420, 375, 46],
    ]
      .map(([x, y, r]) => fruit(x, y, r, '#e5402f'))
      .join('') +
    `<path d="M80 380 L 560 380 Q 530 530 320 540 Q 110 530 80 380 Z" fill="#c98d54"/>`,
};

const PRODUCTS = [
  {
    file: 'pineapple.jpg',
    draw: 'pineapple',
    name: '海南金钻凤梨',
    from: '#fff4c7',
    to: '#ffd86b',
  },
  {
    file: 'tomato.jpg',
    draw: 'tomato',
    name: '千禧小番茄',
    from: '#ffe3dc',
    to: '#ffb4a2',
  },
  {
    file: 'eggs.jpg',
    draw: 'eggs',
    name: '农家散养土鸡蛋',
    from: '#fff1de',
    to: '#f6d3a5',
  },
  {
    file: 'apple.jpg',
    draw: 'apple',
    name: '烟台红富士苹果',
    from: '#ffe6e3',
    to: '#ffb8b0',
  },
  {
    file: 'greens.jpg',
    draw: 'greens',
    name: '本地小青菜',
    from: '#eaf8e0',
    to: '#b9e4a0',
  },
  {
    file: 'orange.jpg',
    draw: 'orange',
    name: '赣南脐橙',
    from: '#fff0d9',
    to: '#ffc98a',
  },
  {
    file: 'lychee.jpg',
    draw: 'lychee',
    name: '妃子笑荔枝',
    from: '#ffe8ec',
    to: '#ffb3c1',
  },
  {
    file: 'rice.jpg',
    draw: 'rice',
    name: '五常稻花香大米',
    from: '#f7f1e3',
    to: '#e6d5ae',
  },
  {
    file: 'breakfast.jpg',
    draw: 'breakfast',
    name: '元气早餐组合',
    from: '#fff3d6',
    to: '#ffcfa8',
  },
];

function page(p) {
  return `<!doctype html><html><body style="margin:0">
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640" viewBox="0 0 640 640">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.from}"/><stop offset="1" stop-color="${p.to}"/></linearGradient>
    <radialGradient id="shade" cx=".35" cy=".3" r=".8"><stop offset=".5" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".22"/></radialGradient>
  </defs>
  <rect width="640" height="640" fill="url(#bg)"/>
  <circle cx="560" cy="70" r="120" fill="#fff" opacity=".25"/><circle cx="60" cy="600" r="90" fill="#fff" opacity=".2"/>
  <!-- No text on the picture: apps show the name beside it, and text baked into a photo gets cropped. -->
  <g transform="translate(0 10)">${drawings[p.draw]()}</g>
</svg></body></html>`;
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const tab = await browser.newPage({ viewport: { width: 640, height: 640 } });
  for (const p of PRODUCTS) {
    await tab.setContent(page(p));
    await tab.screenshot({ path: join(here, p.file), type: 'jpeg', quality: 85 });
  }
} finally {
  await browser.close();
}
