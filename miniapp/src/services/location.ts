import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '@/utils/geo';
import { type Coordinates } from '@/utils/pickup-list';

/** Why there is no position: the buyer said no, or the device / browser could not tell. */
export type LocateFailure = 'denied' | 'unavailable';

export type LocateResult = { ok: true; coords: Coordinates } | { ok: false; reason: LocateFailure };

const TIMEOUT_MS = 8000;

function isDenial(message: string): boolean {
  return /auth|deny|denied|permission/i.test(message);
}

async function locateInWechat(): Promise<LocateResult> {
  try {
    // gcj02: the datum WeChat's map (chooseLocation) stores pickup points in.
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { ok: true, coords: { latitude, longitude } };
  } catch (caught) {
    const message = String((caught as { errMsg?: string })?.errMsg ?? caught);
    return { ok: false, reason: isDenial(message) ? 'denied' : 'unavailable' };
  }
}

function locateInBrowser(): Promise<LocateResult> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve({ ok: false, reason: 'unavailable' });
      return;
    }
    // The browser's own timeout only starts after the permission prompt; a prompt left open must not
    // keep the list waiting, so give up on our side too (a late answer is ignored).
    const giveUp = setTimeout(() => resolve({ ok: false, reason: 'unavailable' }), TIMEOUT_MS + 2000);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        clearTimeout(giveUp);
        // Same datum as the mini-program and the stored pickup points (see geo.ts).
        resolve({
          ok: true,
          coords: wgs84ToGcj02({ latitude: coords.latitude, longitude: coords.longitude }),
        });
      },
      (error) => {
        clearTimeout(giveUp);
        resolve({ ok: false, reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' });
      },
      { enableHighAccuracy: false, timeout: TIMEOUT_MS, maximumAge: 5 * 60 * 1000 },
    );
  });
}

/** The buyer's position, never throwing: the pickup list falls back to sorting by name. */
export function locate(): Promise<LocateResult> {
  return process.env.TARO_ENV === 'weapp' ? locateInWechat() : locateInBrowser();
}
