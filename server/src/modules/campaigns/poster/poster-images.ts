import { Inject, Injectable, Logger } from '@nestjs/common';
import { FILE_STORAGE, type FileStorage } from '../../../platform';

/** Larger files are not drawn (a poster needs a few hundred pixels, not a 20 MB original). */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/**
 * Reads the bytes of images in our file storage for the poster. A missing or foreign image (a URL the
 * storage did not hand out) is null: the poster draws a placeholder instead.
 */
@Injectable()
export class PosterImages {
  private readonly logger = new Logger(PosterImages.name);

  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  async load(url: string | null): Promise<Buffer | null> {
    if (!url) return null;
    const key = this.storage.keyOf(url);
    if (!key) return null;
    try {
      const bytes = await this.storage.read(key);
      return bytes && bytes.length <= MAX_IMAGE_BYTES ? bytes : null;
    } catch (error) {
      this.logger.warn({ err: error, key }, 'poster image not readable; drawing a placeholder');
      return null;
    }
  }
}
