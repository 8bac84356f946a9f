/** "350m" under a kilometre, "1.2km" under ten, "12km" beyond; null when unknown. */
export function formatDistance(meters: number | null | undefined): string | null {
  if (meters === null || meters === undefined || !Number.isFinite(meters) || meters < 0) return null;
  const rounded = Math.round(meters);
  // Compare the rounded value so 999.6m reads "1km", never "1000m".
  if (rounded < 1000) return `${Math.max(1, rounded)}m`;
  const km = meters / 1000;
  if (km < 9.95) return `${Number(km.toFixed(1))}km`;
  return `${Math.round(km)}km`;
}
