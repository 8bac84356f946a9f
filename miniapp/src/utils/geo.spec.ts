import { wgs84ToGcj02 } from './geo';

/** Great-circle metres, enough to check the size of the offset. */
function metres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.sqrt(h));
}

describe('wgs84ToGcj02', () => {
  it('matches a published reference point (Beijing, Tiananmen)', () => {
    // WGS-84 39.908692, 116.397477 → GCJ-02 ≈ 39.910093, 116.403719 (common reference pair).
    const gcj = wgs84ToGcj02({ latitude: 39.908692, longitude: 116.397477 });
    expect(gcj.latitude).toBeCloseTo(39.910093, 4);
    expect(gcj.longitude).toBeCloseTo(116.403719, 4);
  });

  it('shifts Hangzhou by a few hundred metres', () => {
    const wgs = { latitude: 30.2741, longitude: 120.1551 };
    const offset = metres(wgs, wgs84ToGcj02(wgs));
    expect(offset).toBeGreaterThan(200);
    expect(offset).toBeLessThan(800);
  });

  it('leaves points outside China alone', () => {
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    expect(wgs84ToGcj02(paris)).toBe(paris);
  });
});
