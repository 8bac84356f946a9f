import type { AppConfig } from '../config/app-config';
import type { FileStorage } from './file-storage';
import { LocalDiskStorage } from './local-disk-storage';

/** The storage UPLOAD_STORAGE names; an object store would be another case here. */
export function createFileStorage(config: AppConfig): FileStorage {
  switch (config.uploads.storage) {
    case 'local':
      return new LocalDiskStorage(config.uploads.dir);
  }
}
