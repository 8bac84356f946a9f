import { writeFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { toBuffer } from 'qrcode';
import { POSTER_HEIGHT, POSTER_WIDTH, renderPoster, type PosterContent } from './poster-renderer';

const link = 'https://tuan.example.com/h5/pages/campaign/index?id=12&leaderCode=K7M3XQ9P&channel=poster';
const content: PosterContent = {
  title: '邻里鲜果蔬菜团 · 产地直发今晚截单',
  cutoffAt: '2026-03-04T14:00:00.000Z',
  pickupDate: '2026-03-05',
  items: [
    { name: '海南金钻凤梨', spec: '单果约 2.5 斤', groupPrice: 1990, originalPrice: 2990, imageUrl: null },
    {
      name: '云南高山小番茄（千禧果）',
      spec: '3斤装',
      groupPrice: 1590,
      originalPrice: 2280,
      imageUrl: null,
    },
    {
      name: '五常稻花香大米',
      spec: '10斤 / 真空包装',
      groupPrice: 6900,
      originalPrice: 8900,
      imageUrl: null,
    },
    { name: '散养土鸡蛋', spec: '30枚', groupPrice: 2990, originalPrice: 2990, imageUrl: null },
  ],
  moreItems: 3,
  coverUrl: null,
  leaderName: '王丽华',
  pickupPointName: '翠苑一区自提点',
  pickupAddress: '杭州市西湖区翠苑一区 12 幢 1 单元底商（小区东门进门右手边）',
  codeKind: 'qrcode',
  codePayload: link,
};

async function decode(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    qr: jsQR(data.data, data.width, data.height)?.data ?? null,
  };
}

describe('renderPoster', () => {
  it('draws a 750×1334 PNG whose QR decodes to the link', async () => {
    const code = await toBuffer(link, { errorCorrectionLevel: 'M', margin: 1, width: 440 });
    const png = await renderPoster(content, { cover: null, items: [], code });
    if (process.env.POSTER_SAMPLE) writeFileSync(process.env.POSTER_SAMPLE, png);
    expect(await decode(png)).toEqual({ width: POSTER_WIDTH, height: POSTER_HEIGHT, qr: link });
  });

  it('survives a broken cover and a one-item campaign with a long title', async () => {
    const code = await toBuffer(link, { errorCorrectionLevel: 'M', margin: 1, width: 440 });
    const png = await renderPoster(
      {
        ...content,
        title: '超长标题'.repeat(12),
        items: content.items.slice(0, 1),
        moreItems: 0,
        pickupAddress: null,
      },
      { cover: Buffer.from('not an image'), items: [Buffer.from('nope')], code },
    );
    expect((await decode(png)).qr).toBe(link);
  });
});
