import Taro from '@tarojs/taro';
import type { UploadedFile } from '@linli/shared-types';
import { networkError } from './api-error';
import { API_BASE_URL, get } from './request';
import { newRequestId } from './request-id';
import { tokenStore } from './session';
import { interpretUploadResponse, resolveAssetUrl } from './upload-response';

export const UPLOAD_PATH = '/api/app/uploads';
/** A stuck upload (or a blob that cannot be read on H5) ends as a network error instead of spinning forever. */
const UPLOAD_TIMEOUT_MS = 60_000;

/** A URL the app can load (our relative /uploads/… gets the API origin in the mini-program). */
export function assetUrl(url: string): string {
  return resolveAssetUrl(API_BASE_URL, url);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('upload timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function sendOnce(filePath: string): Promise<{ statusCode: number; data: unknown; requestId: string }> {
  const requestId = newRequestId();
  const token = tokenStore.accessToken();
  const header: Record<string, string> = { 'X-Request-Id': requestId };
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    const response = await withTimeout(
      Taro.uploadFile({
        url: API_BASE_URL + UPLOAD_PATH,
        filePath,
        name: 'file',
        header,
        timeout: UPLOAD_TIMEOUT_MS,
      }),
      UPLOAD_TIMEOUT_MS,
    );
    return { statusCode: response.statusCode, data: response.data, requestId };
  } catch {
    throw networkError(requestId);
  }
}

/**
 * Uploads a chosen image (a temp path from Taro.chooseImage; a blob: URL on H5) as the member.
 * Taro.uploadFile bypasses the request client, so an expired token is renewed through it (any
 * authenticated GET refreshes the session) and the upload retried once.
 */
export async function uploadImage(filePath: string): Promise<UploadedFile> {
  let response = await sendOnce(filePath);
  if (response.statusCode === 401) {
    await get('/api/app/me', undefined, { silent: true });
    response = await sendOnce(filePath);
  }
  return interpretUploadResponse(response.statusCode, response.data, response.requestId);
}
