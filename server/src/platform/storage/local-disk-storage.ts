import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FileStorage } from './file-storage';
import { isStorageKey } from './storage-key';

/** URL path under which the server publishes the upload directory (see serve-uploads.ts). */
export const UPLOADS_URL_PREFIX = '/uploads/';

/**
 * Files in a local directory (UPLOAD_DIR), served by this server at /uploads/<key>. Fits one API
 * process or several sharing a volume; back the directory up with the database (docs/operations.md).
 */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(key: string, bytes: Buffer, _contentType: string): Promise<string> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Written under a temporary name and renamed, so a reader never sees half a file.
    const temporary = `${target}.${randomBytes(4).toString('hex')}.part`;
    await writeFile(temporary, bytes, { flag: 'wx', mode: 0o644 });
    await rename(temporary, target);
    return this.urlFor(key);
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  urlFor(key: string): string {
    return `${UPLOADS_URL_PREFIX}${key}`;
  }

  keyOf(url: string): string | null {
    if (!url.startsWith(UPLOADS_URL_PREFIX)) return null;
    const key = url.slice(UPLOADS_URL_PREFIX.length);
    return isStorageKey(key) ? key : null;
  }

  async exists(key: string): Promise<boolean> {
    if (!isStorageKey(key)) return false;
    return stat(this.pathOf(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async read(key: string): Promise<Buffer | null> {
    if (!isStorageKey(key)) return null;
    return readFile(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }

  private pathOf(key: string): string {
    // The key pattern has no `..` or leading slash, so the path cannot leave the root.
    if (!isStorageKey(key)) throw new Error(`not a storage key: ${key}`);
    return join(this.root, ...key.split('/'));
  }
}
