/**
 * Pulls one face out of a TrueType/OpenType collection (.ttc) as a standalone font file.
 *
 * Why: the canvas registers only the first face of a collection, and the first face of Debian's Noto
 * Sans CJK collection is the Japanese one, whose glyph shapes differ from Simplified Chinese for many
 * common characters (直, 骨, 说…). Extracting the SC face keeps posters in proper Chinese typography.
 * The tables are copied unchanged (their checksums stay valid); only their offsets are rewritten.
 */
export function extractTtcFace(collection: Buffer, wantedFamily: string): Buffer | null {
  if (collection.toString('latin1', 0, 4) !== 'ttcf') return null;
  const faces = collection.readUInt32BE(8);
  for (let i = 0; i < faces; i += 1) {
    const faceOffset = collection.readUInt32BE(12 + 4 * i);
    const tables = tableRecords(collection, faceOffset);
    const name = tables.find((t) => t.tag === 'name');
    if (name && familyNames(collection, name.offset).includes(wantedFamily)) {
      return standalone(collection, faceOffset, tables);
    }
  }
  return null;
}

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function tableRecords(file: Buffer, faceOffset: number): TableRecord[] {
  const count = file.readUInt16BE(faceOffset + 4);
  const records: TableRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = faceOffset + 12 + 16 * i;
    records.push({
      tag: file.toString('latin1', at, at + 4),
      checksum: file.readUInt32BE(at + 4),
      offset: file.readUInt32BE(at + 8),
      length: file.readUInt32BE(at + 12),
    });
  }
  return records;
}

/** Family names (name id 1 and the typographic family, id 16) in Windows Unicode (UTF-16BE) records. */
function familyNames(file: Buffer, nameOffset: number): string[] {
  const count = file.readUInt16BE(nameOffset + 2);
  const strings = nameOffset + file.readUInt16BE(nameOffset + 4);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = nameOffset + 6 + 12 * i;
    const platform = file.readUInt16BE(at);
    const nameId = file.readUInt16BE(at + 6);
    if (platform !== 3 || (nameId !== 1 && nameId !== 16)) continue;
    const length = file.readUInt16BE(at + 8);
    const start = strings + file.readUInt16BE(at + 10);
    if (length % 2 !== 0) continue; // not UTF-16: a damaged record
    // Copied first: swap16 works in place and the collection must stay as it was.
    names.push(
      Buffer.from(file.subarray(start, start + length))
        .swap16()
        .toString('utf16le'),
    );
  }
  return names;
}

function standalone(file: Buffer, faceOffset: number, tables: TableRecord[]): Buffer {
  const headerSize = 12 + 16 * tables.length;
  const padded = (n: number) => (n + 3) & ~3;
  const size = tables.reduce((sum, t) => sum + padded(t.length), headerSize);
  const out = Buffer.alloc(size);
  file.copy(out, 0, faceOffset, faceOffset + 12); // sfnt version, table count, search hints
  let cursor = headerSize;
  tables.forEach((table, i) => {
    const at = 12 + 16 * i;
    out.write(table.tag, at, 'latin1');
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(cursor, at + 8);
    out.writeUInt32BE(table.length, at + 12);
    file.copy(out, cursor, table.offset, table.offset + table.length);
    cursor += padded(table.length);
  });
  return out;
}
