import { Brackets, EntityManager, In } from 'typeorm';
import type { CampaignAudience, CampaignListQuery, CampaignStatus } from '@linli/shared-types';
import { likePattern, lockForUpdate } from '../../../platform';
import type { CampaignItemDraft } from '../domain/campaign-rules';
import { CampaignAudienceTargetEntity } from './campaign-audience-target.entity';
import { CampaignItemEntity } from './campaign-item.entity';
import { CampaignEntity } from './campaign.entity';

/** A campaign row with its audience and items (in display order). */
export interface CampaignRecord {
  campaign: CampaignEntity;
  audience: CampaignAudience;
  items: CampaignItemEntity[];
}

export async function loadCampaign(
  m: EntityManager,
  id: number,
  options: { lock?: boolean } = {},
): Promise<CampaignRecord | null> {
  const qb = m.getRepository(CampaignEntity).createQueryBuilder('c').where('c.id = :id', { id });
  const campaign = await (options.lock ? lockForUpdate(qb) : qb).getOne();
  if (!campaign) return null;
  return (await attachDetails(m, [campaign]))[0];
}

/** Audiences and items of several campaigns, in the order given. */
export async function attachDetails(
  m: EntityManager,
  campaigns: CampaignEntity[],
): Promise<CampaignRecord[]> {
  if (campaigns.length === 0) return [];
  const ids = campaigns.map((c) => c.id);
  const [items, targets] = await Promise.all([
    m.getRepository(CampaignItemEntity).find({
      where: { campaignId: In(ids) },
      order: { sortOrder: 'ASC', id: 'ASC' },
    }),
    m
      .getRepository(CampaignAudienceTargetEntity)
      .find({ where: { campaignId: In(ids) }, order: { targetId: 'ASC' } }),
  ]);
  return campaigns.map((campaign) => {
    const mine = targets.filter((t) => t.campaignId === campaign.id);
    return {
      campaign,
      audience: {
        kind: campaign.audience,
        levelIds: mine.filter((t) => t.targetKind === 'level').map((t) => t.targetId),
        leaderIds: mine.filter((t) => t.targetKind === 'leader').map((t) => t.targetId),
      },
      items: items.filter((i) => i.campaignId === campaign.id),
    };
  });
}

/** Replaces the audience targets of a campaign (the kind lives on the campaign row). */
export async function saveAudienceTargets(
  m: EntityManager,
  campaignId: number,
  audience: CampaignAudience,
): Promise<void> {
  const repo = m.getRepository(CampaignAudienceTargetEntity);
  await repo.delete({ campaignId });
  const rows = [
    ...audience.levelIds.map((targetId) => ({ campaignId, targetKind: 'level' as const, targetId })),
    ...audience.leaderIds.map((targetId) => ({ campaignId, targetKind: 'leader' as const, targetId })),
  ];
  // Chunked: up to 1000 leaders, and SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200));
}

/**
 * Makes the items match `drafts` (matched by SKU): existing ones are updated in place (their id and
 * sold counter stay), new ones inserted, missing ones deleted (callers only allow that before sales).
 */
export async function saveItems(
  m: EntityManager,
  campaignId: number,
  drafts: CampaignItemDraft[],
): Promise<void> {
  const repo = m.getRepository(CampaignItemEntity);
  const existing = new Map((await repo.findBy({ campaignId })).map((row) => [row.skuId, row]));
  const inserts: Array<Partial<CampaignItemEntity>> = [];
  for (const [sortOrder, draft] of drafts.entries()) {
    const row = existing.get(draft.skuId);
    const fields = {
      groupPrice: draft.groupPrice,
      originalPrice: draft.originalPrice,
      perMemberLimit: draft.perMemberLimit,
      stockCap: draft.stockCap,
      sortOrder,
    };
    if (row) {
      await repo.update({ id: row.id }, fields);
      existing.delete(draft.skuId);
    } else {
      inserts.push({ ...fields, campaignId, skuId: draft.skuId, soldQuantity: 0 });
    }
  }
  // One statement: items are capped at 100 (CampaignValidator), far under the bound-parameter limits.
  if (inserts.length > 0) await repo.insert(inserts);
  const removed = [...existing.values()].map((row) => row.id);
  if (removed.length > 0) await repo.delete({ id: In(removed) });
}

/** The admin list: newest start first, filtered by title keyword, status and a window overlapping [from, to). */
export async function findCampaignPage(
  m: EntityManager,
  query: CampaignListQuery & { page: number; pageSize: number },
): Promise<[CampaignEntity[], number]> {
  const qb = m.getRepository(CampaignEntity).createQueryBuilder('c');
  if (query.status) qb.andWhere('c.status = :status', { status: query.status });
  const keyword = query.keyword?.trim();
  if (keyword) qb.andWhere("c.title LIKE :pattern ESCAPE '!'", { pattern: likePattern(keyword) });
  if (query.from) qb.andWhere('c.end_at > :from', { from: new Date(query.from) });
  if (query.to) qb.andWhere('c.start_at < :to', { to: new Date(query.to) });
  const total = await qb.getCount();
  const rows = await qb
    .orderBy('c.start_at', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .getMany();
  return [rows, total];
}

/** Live campaigns whose window contains `now` (buyers' and leaders' lists), soonest cut-off first. */
export async function findOpenCampaigns(m: EntityManager, now: Date): Promise<CampaignEntity[]> {
  return m
    .getRepository(CampaignEntity)
    .createQueryBuilder('c')
    .where("c.status = 'live'")
    .andWhere('c.start_at <= :now', { now })
    .andWhere('c.end_at > :now', { now })
    .orderBy('c.cutoff_at', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .getMany();
}

/**
 * The one conditional update every status move goes through: it changes the row only while it is still
 * in one of `from` (and, for moves by time, only when the row's own times say so), so a job, the sweep
 * and staff can never race each other into a wrong state. True when this call moved it.
 */
export async function moveStatus(
  m: EntityManager,
  id: number,
  from: CampaignStatus[],
  to: CampaignStatus,
  when: { startedBy?: Date; endedBy?: Date; notEndedBy?: Date } = {},
): Promise<boolean> {
  const qb = m
    .createQueryBuilder()
    .update(CampaignEntity)
    .set({ status: to })
    .where('id = :id', { id })
    .andWhere('status IN (:...from)', { from });
  if (when.startedBy) qb.andWhere('start_at <= :startedBy', { startedBy: when.startedBy });
  if (when.endedBy) qb.andWhere('end_at <= :endedBy', { endedBy: when.endedBy });
  if (when.notEndedBy) qb.andWhere('end_at > :notEndedBy', { notEndedBy: when.notEndedBy });
  const result = await qb.execute();
  return (result.affected ?? 0) > 0;
}

/** Ids of campaigns the clock should have moved by `now` (the sweep's catch-up list), oldest first. */
export async function findOverdueCampaignIds(m: EntityManager, now: Date, limit: number): Promise<number[]> {
  const rows = await m
    .getRepository(CampaignEntity)
    .createQueryBuilder('c')
    .select('c.id', 'id')
    .where(
      new Brackets((w) =>
        w
          .where("c.status = 'scheduled' AND c.start_at <= :now", { now })
          .orWhere("c.status IN ('scheduled', 'live') AND c.end_at <= :now", { now }),
      ),
    )
    .orderBy('c.id', 'ASC')
    .limit(limit)
    .getRawMany<{ id: number | string }>();
  return rows.map((r) => Number(r.id));
}

/** Scheduled or live campaigns whose start or end falls before `until` (for exact-time jobs). */
export async function findUpcomingMoves(
  m: EntityManager,
  until: Date,
  limit: number,
): Promise<CampaignEntity[]> {
  return m
    .getRepository(CampaignEntity)
    .createQueryBuilder('c')
    .where(
      new Brackets((w) =>
        w
          .where("c.status = 'scheduled' AND c.start_at < :until", { until })
          .orWhere("c.status IN ('scheduled', 'live') AND c.end_at < :until", { until }),
      ),
    )
    .orderBy('c.id', 'ASC')
    .limit(limit)
    .getMany();
}
