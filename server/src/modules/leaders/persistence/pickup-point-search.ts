import { likePattern } from '../../../platform';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { LeaderStatus } from '@linli/shared-types';
import { boundingBox, distanceMeters, type LatLng } from '../domain/geo';
import { LeaderEntity } from './leader.entity';
import { PickupPointEntity } from './pickup-point.entity';

export interface PickupPointHit {
  leaderId: number;
  leaderName: string;
  point: PickupPointEntity;
  distanceMeters: number | null;
}

export interface PickupPointSearch {
  keyword?: string;
  origin: LatLng | null;
  offset: number;
  limit: number;
}

/**
 * Search radii for the nearest-first page, smallest first. Each step reads only the points inside a
 * bounding box (index on latitude); it stops once the points proven to be within the radius cover the
 * page, so the usual case reads a handful of rows even with thousands of leaders.
 */
const RADII_METERS = [3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000];

/** Pickup points of ACTIVE leaders, nearest first when an origin is given (points without one last), else by name. */
export async function searchActivePickupPoints(
  m: EntityManager,
  search: PickupPointSearch,
): Promise<{ hits: PickupPointHit[]; total: number }> {
  const total = await base(m, search.keyword).getCount();
  if (!search.origin) {
    const rows = await base(m, search.keyword)
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset(search.offset)
      .limit(search.limit)
      .getRawAndEntities();
    return { hits: toHits(rows, null), total };
  }
  const origin = search.origin;
  const wanted = search.offset + search.limit;
  let located: PickupPointHit[] | null = null;
  for (const radius of RADII_METERS) {
    const box = boundingBox(origin, radius);
    const candidates = await base(m, search.keyword)
      .andWhere('p.latitude BETWEEN :minLat AND :maxLat', {
        minLat: box.minLatitude,
        maxLat: box.maxLatitude,
      })
      .andWhere('p.longitude BETWEEN :minLng AND :maxLng', {
        minLng: box.minLongitude,
        maxLng: box.maxLongitude,
      })
      .getRawAndEntities();
    const within = toHits(candidates, origin).filter((h) => (h.distanceMeters ?? Infinity) <= radius);
    if (within.length >= wanted) {
      located = within;
      break;
    }
  }
  if (!located) {
    // Fewer located points than the page needs nearby: the rest of the world, read once.
    const all = await base(m, search.keyword)
      .andWhere('p.latitude IS NOT NULL AND p.longitude IS NOT NULL')
      .getRawAndEntities();
    located = toHits(all, origin);
  }
  located.sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) || a.point.id - b.point.id);
  const hits = located.slice(search.offset, wanted);
  if (hits.length < search.limit) {
    // Past the located points: those without coordinates, by name.
    const locatedTotal = located.length;
    const unlocated = await base(m, search.keyword)
      .andWhere('(p.latitude IS NULL OR p.longitude IS NULL)')
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset(Math.max(0, search.offset + hits.length - locatedTotal))
      .limit(search.limit - hits.length)
      .getRawAndEntities();
    hits.push(...toHits(unlocated, null));
  }
  return { hits, total };
}

function base(m: EntityManager, keyword: string | undefined): SelectQueryBuilder<PickupPointEntity> {
  const qb = m
    .getRepository(PickupPointEntity)
    .createQueryBuilder('p')
    .innerJoin(LeaderEntity, 'l', 'l.id = p.leader_id')
    .addSelect('l.name', 'leader_name')
    .where('l.status = :active', { active: LeaderStatus.ACTIVE });
  const trimmed = keyword?.trim();
  if (trimmed) {
    const pattern = likePattern(trimmed);
    qb.andWhere(
      new Brackets((w) =>
        w
          .where("p.name LIKE :pattern ESCAPE '!'", { pattern })
          .orWhere("p.address LIKE :pattern ESCAPE '!'", {
            pattern,
          }),
      ),
    );
  }
  return qb;
}

function toHits(
  rows: { entities: PickupPointEntity[]; raw: Array<Record<string, unknown>> },
  origin: LatLng | null,
): PickupPointHit[] {
  const names = new Map<number, string>();
  for (const raw of rows.raw) names.set(Number(raw.p_id), String(raw.leader_name));
  return rows.entities.map((point) => ({
    leaderId: point.leaderId,
    leaderName: names.get(point.id) ?? '',
    point,
    distanceMeters:
      origin && point.latitude !== null && point.longitude !== null
        ? distanceMeters(origin, { latitude: point.latitude, longitude: point.longitude })
        : null,
  }));
}
