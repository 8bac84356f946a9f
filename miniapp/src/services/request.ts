import Taro from '@tarojs/taro';
import { createApiClient, type HttpResponse } from './api-client';
import { newRequestId } from './request-id';
import { tokenStore } from './session';

export { ApiError, ClientErrorCode } from './api-error';
export type { RequestOptions } from './api-client';

/** H5 is served by the API server itself (same origin); the mini-program needs an absolute base URL. */
const baseUrl = process.env.TARO_ENV === 'h5' ? '' : LINLI_API_BASE.replace(/\/+$/, '');

let relogin: () => Promise<boolean> = async () => false;

/** auth.ts registers how to log in again (kept out of this module to avoid an import cycle). */
export function setReloginHandler(handler: () => Promise<boolean>): void {
  relogin = handler;
}

export function showErrorToast(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
}

const client = createApiClient({
  baseUrl,
  tokens: tokenStore,
  newRequestId: () => newRequestId(),
  relogin: () => relogin(),
  showError: showErrorToast,
  transport: async ({ method, url, data, header }): Promise<HttpResponse> => {
    const response = await Taro.request({ method, url, data, header, dataType: 'json' });
    return { statusCode: response.statusCode, data: response.data, header: response.header ?? {} };
  },
});

export const { request, get, post } = client;

/** The API origin ('' on H5): for requests Taro.request does not make itself (Taro.uploadFile). */
export const API_BASE_URL = baseUrl;
