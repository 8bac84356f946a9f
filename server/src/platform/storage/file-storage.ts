/**
 * Where uploaded files live. The local disk implementation is the default; an object store (OSS, COS,
 * S3) implements the same interface and is chosen in `createFileStorage` from UPLOAD_STORAGE.
 */
export interface FileStorage {
  /** Stores `bytes` under `key` (see storage-key.ts) and returns the URL clients load it from. */
  put(key: string, bytes: Buffer, contentType: string): Promise<string>;
  /** Removes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
  /** The public URL of `key` (it need not exist). */
  urlFor(key: string): string;
  /**
   * The key behind a URL this storage handed out, or null for any other URL (a foreign host, a path
   * outside the storage, a malformed key). Does not check that the file exists: see `exists`.
   */
  keyOf(url: string): string | null;
  exists(key: string): Promise<boolean>;
  /** The file's bytes, or null when there is no such file (or the key is not a storage key). */
  read(key: string): Promise<Buffer | null>;
}

/** Inject with `@Inject(FILE_STORAGE) storage: FileStorage`. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
