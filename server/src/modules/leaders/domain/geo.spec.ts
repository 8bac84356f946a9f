import { boundingBox, distanceMeters } from './geo';

const cuiyuan = { latitude: 30.2836, longitude: 120.1265 };
const caihe = { latitude: 30.259, longitude: 120.1945 };

describe('distanceMeters', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceMeters(cuiyuan, cuiyuan)).toBe(0);
    expect(distanceMeters(cuiyuan, caihe)).toBeCloseTo(distanceMeters(caihe, cuiyuan), 6);
  });

  it('matches known distances', () => {
    // 翠苑 → 采荷 is about 7.0 km.
    expect(distanceMeters(cuiyuan, caihe)).toBeGreaterThan(6_900);
    expect(distanceMeters(cuiyuan, caihe)).toBeLessThan(7_100);
    // One degree of latitude is ~111.2 km everywhere.
    expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(
      111_195,
      -2,
    );
    // Antipodes: half the circumference.
    expect(distanceMeters({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      Math.PI * 6_371_008.8,
      0,
    );
  });
});

describe('boundingBox', () => {
  it('contains every point within the radius and excludes far ones', () => {
    const box = boundingBox(cuiyuan, 10_000);
    const inside = (p: { latitude: number; longitude: number }) =>
      p.latitude >= box.minLatitude &&
      p.latitude <= box.maxLatitude &&
      p.longitude >= box.minLongitude &&
      p.longitude <= box.maxLongitude;
    expect(inside(caihe)).toBe(true);
    expect(inside({ latitude: 39.9, longitude: 116.4 })).toBe(false);
    // Points exactly at the radius in the four directions stay inside.
    for (const bearing of [0, 90, 180, 270]) {
      const rad = (bearing * Math.PI) / 180;
      const p = {
        latitude: cuiyuan.latitude + (9_990 / 111_195) * Math.cos(rad),
        longitude:
          cuiyuan.longitude +
          ((9_990 / 111_195) * Math.sin(rad)) / Math.cos((cuiyuan.latitude * Math.PI) / 180),
      };
      expect(distanceMeters(cuiyuan, p)).toBeLessThan(10_000);
      expect(inside(p)).toBe(true);
    }
  });

  it('widens to all longitudes near a pole or across the antimeridian', () => {
    expect(boundingBox({ latitude: 89.99, longitude: 10 }, 50_000)).toMatchObject({
      maxLatitude: 90,
      minLongitude: -180,
      maxLongitude: 180,
    });
    expect(boundingBox({ latitude: 0, longitude: 179.99 }, 10_000)).toMatchObject({
      minLongitude: -180,
      maxLongitude: 180,
    });
  });
});
