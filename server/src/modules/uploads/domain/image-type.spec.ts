import { sniffImageType } from './image-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('sniffImageType', () => {
  it('recognises JPEG, PNG and WebP by their magic bytes', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toEqual({
      contentType: 'image/jpeg',
      extension: 'jpg',
    });
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({
      contentType: 'image/png',
      extension: 'png',
    });
    expect(sniffImageType(text('RIFF\x24\x00\x00\x00WEBPVP8 '))).toEqual({
      contentType: 'image/webp',
      extension: 'webp',
    });
  });

  it.each([
    ['a GIF', text('GIF89a....')],
    ['an SVG', text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['a script named .jpg', text('#!/bin/sh\nrm -rf /')],
    ['a WAV (RIFF but not WEBP)', text('RIFF\x24\x00\x00\x00WAVEfmt ')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e)],
    ['nothing', bytes()],
  ])('refuses %s', (_label, content) => {
    expect(sniffImageType(content)).toBeNull();
  });
});
