import dayjs from 'dayjs';

/** `2026-11-23 10:05`; null stays null so callers can show their own placeholder. */
export function formatDateTime(iso: string | null | undefined): string | null {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null;
}

/** `30.274100, 120.155100`, or null when the point has no coordinates. */
export function formatCoordinates(latitude: number | null, longitude: number | null): string | null {
  if (latitude === null || longitude === null) return null;
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}
