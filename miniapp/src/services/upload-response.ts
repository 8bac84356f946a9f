import { ErrorCode, type UploadedFile } from '@linli/shared-types';
import { ApiError, ClientErrorCode, toApiErrorBody } from './api-error';

/**
 * Platform-free parts of image uploads (Taro.uploadFile lives in uploads.ts): the size limit checked
 * before sending, reading the upload response, and turning a stored URL into one the client can load.
 */

/** The server's limit (UPLOAD_MAX_BYTES default); checked first so nobody waits for a doomed upload. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function tooLargeError(requestId: string): ApiError {
  return new ApiError(413, {
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: '图片不能超过 5 MB，请换一张',
    requestId,
  });
}

function isUploadedFile(value: unknown): value is UploadedFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.url === 'string' && typeof v.key === 'string';
}

/** Taro.uploadFile hands back the body as a string: the UploadedFile on 201, an ApiError otherwise. */
export function interpretUploadResponse(statusCode: number, data: unknown, requestId: string): UploadedFile {
  let parsed: unknown = data;
  if (typeof data === 'string') {
    try {
      parsed = JSON.parse(data);
    } catch {
      parsed = null;
    }
  }
  if (statusCode >= 200 && statusCode < 300) {
    if (isUploadedFile(parsed)) return parsed;
    throw new ApiError(statusCode, {
      code: ClientErrorCode.BAD_RESPONSE,
      message: '上传结果无法识别，请重试',
      requestId,
    });
  }
  return throwError(statusCode, parsed, requestId);
}

function throwError(statusCode: number, parsed: unknown, requestId: string): never {
  throw new ApiError(statusCode, toApiErrorBody(statusCode, parsed, requestId));
}

/**
 * Where to load a stored file from: the server answers `/uploads/…`, which H5 (same origin) loads as is
 * and the mini-program must prefix with the API origin. Absolute and local (blob:, wxfile:) URLs pass.
 */
export function resolveAssetUrl(baseUrl: string, url: string): string {
  if (!url.startsWith('/') || url.startsWith('//')) return url;
  return `${baseUrl.replace(/\/+$/, '')}${url}`;
}
