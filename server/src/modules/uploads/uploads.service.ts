import { Inject, Injectable, Logger } from '@nestjs/common';
import type { UploadedFile } from '@linli/shared-types';
import {
  APP_CONFIG,
  AppConfig,
  BusinessError,
  FILE_STORAGE,
  newStorageKey,
  RequestContext,
  TransactionRunner,
  type FileStorage,
} from '../../platform';
import { AuditService } from '../audit';
import { sniffImageType } from './domain/image-type';

/** Images uploaded by members (pickup-point photos) and staff, kept in the platform's file storage. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Stores an image whose type is read from its bytes; anything but JPEG/PNG/WebP is refused. */
  async storeImage(ctx: RequestContext, bytes: Buffer): Promise<UploadedFile> {
    if (bytes.length === 0) throw uploadMissing();
    if (bytes.length > this.config.uploads.maxBytes) throw tooLarge(this.config.uploads.maxBytes);
    const type = sniffImageType(bytes);
    if (!type) {
      throw new BusinessError('UPLOAD_TYPE_NOT_ALLOWED', '只支持 JPG、PNG 或 WebP 格式的图片');
    }
    const key = newStorageKey(type.extension);
    const url = await this.storage.put(key, bytes, type.contentType);
    const uploaded: UploadedFile = { key, url, contentType: type.contentType, size: bytes.length };
    if (ctx.actor.type === 'staff') {
      // Staff writes are audited; a failed audit row must not leave an unrecorded file behind.
      await this.tx
        .run((m) =>
          this.audit.record(m, ctx, {
            action: 'upload.create',
            entityType: 'upload',
            entityId: key,
            after: { ...uploaded },
          }),
        )
        .catch(async (error: unknown) => {
          await this.storage.delete(key).catch((e: unknown) => this.logger.warn({ err: e }, 'cleanup'));
          throw error;
        });
    }
    return uploaded;
  }
}

export function uploadMissing(): BusinessError {
  return new BusinessError('UPLOAD_FILE_MISSING', '请选择要上传的图片 (表单字段 file)');
}

export function tooLarge(maxBytes: number): BusinessError {
  const mb = Math.round((maxBytes / 1_048_576) * 10) / 10;
  return new BusinessError('PAYLOAD_TOO_LARGE', `图片不能超过 ${mb} MB`, 413);
}
