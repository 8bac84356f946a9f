import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from './local-disk-storage';
import { newStorageKey } from './storage-key';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'linli-storage-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes, finds and deletes a file under its key', async () => {
    const key = newStorageKey('png');
    const url = await storage.put(key, Buffer.from('png-bytes'), 'image/png');
    expect(url).toBe(`/uploads/${key}`);
    expect(readFileSync(join(root, key), 'utf8')).toBe('png-bytes');
    expect(await storage.exists(key)).toBe(true);
    expect((await storage.read(key))?.toString('utf8')).toBe('png-bytes');
    await storage.delete(key);
    expect(await storage.read(key)).toBeNull();
    expect(existsSync(join(root, key))).toBe(false);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    expect(await storage.read('../etc/passwd')).toBeNull();
  });

  it('recognises only its own URLs', () => {
    const key = newStorageKey('jpg');
    expect(storage.keyOf(storage.urlFor(key))).toBe(key);
    expect(storage.keyOf(`https://evil.example/uploads/${key}`)).toBeNull();
    expect(storage.keyOf('/uploads/../../etc/passwd')).toBeNull();
    expect(storage.keyOf(`/static/${key}`)).toBeNull();
  });

  it('refuses keys it did not generate', async () => {
    await expect(storage.put('../x.png', Buffer.from('x'), 'image/png')).rejects.toThrow('not a storage key');
    expect(await storage.exists('../x.png')).toBe(false);
  });
});
