import { existsSync, readFileSync } from 'node:fs';
import { extractTtcFace } from './ttc-face';

const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('extractTtcFace', () => {
  it('is null for a file that is not a collection', () => {
    expect(extractTtcFace(Buffer.from('OTTO0000000000000000'), 'Noto Sans CJK SC')).toBeNull();
  });

  // CI and the Docker image install fonts-noto-cjk; a developer machine without it has nothing to extract.
  (existsSync(NOTO_CJK) ? it : it.skip)('pulls the Simplified Chinese face out of Noto Sans CJK', () => {
    const collection = readFileSync(NOTO_CJK);
    const face = extractTtcFace(collection, 'Noto Sans CJK SC');
    expect(face).not.toBeNull();
    // A standalone OpenType (CFF) font whose table directory points inside the new file.
    expect(face!.toString('latin1', 0, 4)).toBe('OTTO');
    const tables = face!.readUInt16BE(4);
    for (let i = 0; i < tables; i += 1) {
      const offset = face!.readUInt32BE(12 + 16 * i + 8);
      const length = face!.readUInt32BE(12 + 16 * i + 12);
      expect(offset + length).toBeLessThanOrEqual(face!.length);
    }
    expect(face!.includes(Buffer.from('Noto Sans CJK SC', 'utf16le').swap16())).toBe(true);
    expect(extractTtcFace(collection, 'No Such Family')).toBeNull();
    // The collection itself is left as it was (name strings are byte-swapped only in copies).
    expect(collection.equals(readFileSync(NOTO_CJK))).toBe(true);
  });
});
