/** Great-circle maths for "nearest pickup point" (GCJ-02 degrees; the offset to WGS-84 is irrelevant here). */

export interface LatLng {
  latitude: number;
  longitude: number;
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

const EARTH_RADIUS_METERS = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Haversine distance in metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A lat/lng rectangle that contains every point within `radiusMeters` of `center`: an index-friendly
 * prefilter before the exact distance. Near the poles or across the antimeridian it widens to the full
 * longitude range rather than miss points.
 */
export function boundingBox(center: LatLng, radiusMeters: number): BoundingBox {
  const angular = radiusMeters / EARTH_RADIUS_METERS;
  const dLat = (angular * 180) / Math.PI;
  const minLatitude = Math.max(-90, center.latitude - dLat);
  const maxLatitude = Math.min(90, center.latitude + dLat);
  const cosLat = Math.cos(toRadians(Math.max(Math.abs(minLatitude), Math.abs(maxLatitude))));
  const dLng = cosLat <= 1e-9 ? 180 : (Math.asin(Math.min(1, Math.sin(angular) / cosLat)) * 180) / Math.PI;
  const minLongitude = center.longitude - dLng;
  const maxLongitude = center.longitude + dLng;
  if (dLng >= 180 || minLongitude < -180 || maxLongitude > 180) {
    return { minLatitude, maxLatitude, minLongitude: -180, maxLongitude: 180 };
  }
  return { minLatitude, maxLatitude, minLongitude, maxLongitude };
}
