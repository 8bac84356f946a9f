import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import type { TestApp } from '../../support/test-app';

/** Fetches a poster from the app (as the mini-program would) and decodes it: size and the code's text. */
export async function fetchPoster(
  t: TestApp,
  url: string,
): Promise<{ width: number; height: number; code: string | null; bytes: Buffer }> {
  const res = await t
    .http()
    .get(url)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  expect(res.headers['content-type']).toMatch(/^image\/png/);
  const bytes = res.body as Buffer;
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const pixels = ctx.getImageData(0, 0, image.width, image.height);
  return {
    width: image.width,
    height: image.height,
    code: jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null,
    bytes,
  };
}
