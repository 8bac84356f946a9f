import { randomBytes } from 'node:crypto';

/** File extensions the storage hands out keys for (the image types uploads accept). */
export type StoredExtension = 'jpg' | 'png' | 'webp';

/** `YYYY/MM/DD/<32 hex>.<ext>`: dated folders keep directories small; the random name is unguessable. */
const KEY_PATTERN = /^\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{32}\.(jpg|png|webp)$/;

/** A new key for a file uploaded at `now` (UTC date). */
export function newStorageKey(extension: StoredExtension, now: Date = new Date()): string {
  const yyyy = now.getUTCFullYear();
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(now.getUTCDate()).padStart(2, '0');
  return `${yyyy}/${mm}/${dd}/${randomBytes(16).toString('hex')}.${extension}`;
}

/** Only keys we generate are accepted back (no `..`, no other names), so a key is always a safe path. */
export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
