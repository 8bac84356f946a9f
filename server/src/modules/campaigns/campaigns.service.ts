import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CAMPAIGN_STATUS_LABELS,
  type CampaignAudience,
  type CampaignAudienceKind,
  type CampaignDetail,
  type CampaignDuplicateRequest,
  type CampaignInput,
  type CampaignListItem,
  type CampaignListQuery,
  type CampaignPreview,
  type CampaignStatus,
  type Paged,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  NotFoundError,
  RequestContext,
  requirePermission,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { LeaderLevelsService, LeadersService } from '../leaders';
import { CampaignPresenter } from './campaign-presenter';
import { CampaignValidator } from './campaign-validator';
import { normalizeAudience } from './domain/campaign-audience';
import type { CampaignItemDraft, CampaignSchedule } from './domain/campaign-rules';
import { staffTransition, type CampaignAction } from './domain/campaign-status';
import { duplicateSchedule } from './domain/duplicate-schedule';
import { editScope, liveEditLocks, type CampaignContent } from './domain/live-edit';
import { CampaignClock } from './jobs/campaign-clock.service';
import { CampaignEntity } from './persistence/campaign.entity';
import {
  attachDetails,
  findCampaignPage,
  loadCampaign,
  moveStatus,
  saveAudienceTargets,
  saveItems,
  type CampaignRecord,
} from './persistence/campaign.repository';

/** A campaign created in code (the demo seed, tests). */
export interface NewCampaign extends CampaignSchedule {
  title: string;
  coverKey?: string | null;
  /** An old-style cover URL; prefer coverKey. */
  coverUrl?: string | null;
  description: string | null;
  status: CampaignStatus;
  /** A kind alone means no ids ('all'). */
  audience: CampaignAudienceKind | CampaignAudience;
  flashSale?: boolean;
  items: CampaignItemDraft[];
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

const notFound = () => new NotFoundError('CAMPAIGN_NOT_FOUND', '活动不存在');

/** Staff side of campaigns: CRUD, the status buttons, copies, and the buyer preview. Every write audited. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly validator: CampaignValidator,
    private readonly presenter: CampaignPresenter,
    private readonly clock: CampaignClock,
    private readonly leaders: LeadersService,
    private readonly levels: LeaderLevelsService,
  ) {}

  /** Creates a campaign with its items in the caller's transaction, validated and audited (seed, tests). */
  async createWith(manager: EntityManager, ctx: RequestContext, input: NewCampaign): Promise<{ id: number }> {
    const audience =
      typeof input.audience === 'string'
        ? { kind: input.audience, levelIds: [], leaderIds: [] }
        : input.audience;
    const content: CampaignContent = {
      ...input,
      flashSale: input.flashSale ?? false,
      coverKey: input.coverKey ?? null,
      audience: normalizeAudience(audience),
    };
    await this.validator.assertValid(manager, content);
    const id = await this.insert(manager, content, {
      status: input.status,
      coverUrl: input.coverUrl ?? null,
      duplicatedFromId: null,
    });
    await this.audit.record(manager, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      before: null,
      after: { ...snapshot(content), status: input.status, id },
    });
    await this.clock.queueMoves({ id, status: input.status, startAt: input.startAt, endAt: input.endAt });
    return { id };
  }

  /** GET /api/admin/campaigns */
  async list(ctx: RequestContext, query: CampaignListQuery): Promise<Paged<CampaignListItem>> {
    requirePermission(ctx, 'campaigns.read');
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return this.tx.run(async (m) => {
      const [rows, total] = await findCampaignPage(m, { ...query, page, pageSize });
      const records = await attachDetails(m, rows);
      const skus = await this.presenter.skusOf(records, m);
      return { items: records.map((r) => this.presenter.listItem(r, skus)), total, page, pageSize };
    });
  }

  /** GET /api/admin/campaigns/:id */
  async get(ctx: RequestContext, id: number): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.read');
    return this.tx.run(async (m) => this.detail(m, await this.load(m, id)));
  }

  /** GET /api/admin/campaigns/:id/preview: as a buyer would see it, whatever the status. */
  async preview(ctx: RequestContext, id: number): Promise<CampaignPreview> {
    requirePermission(ctx, 'campaigns.read');
    return this.tx.run(async (m) => {
      const record = await this.load(m, id);
      return this.presenter.view(record, await this.presenter.skusOf([record], m));
    });
  }

  /** POST /api/admin/campaigns: a new draft. */
  async create(ctx: RequestContext, input: CampaignInput): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.write');
    return this.tx.run(async (m) => {
      const content = contentOf(input);
      await this.validator.assertValid(m, content);
      const id = await this.insert(m, content, { status: 'draft', coverUrl: null, duplicatedFromId: null });
      await this.audit.record(m, ctx, {
        action: 'campaign.create',
        entityType: 'campaign',
        entityId: id,
        before: null,
        after: { ...snapshot(content), status: 'draft', id },
      });
      return this.detail(m, await this.load(m, id));
    });
  }

  /** PUT /api/admin/campaigns/:id: drafts and scheduled fully, live ones only the live-safe fields. */
  async update(
    ctx: RequestContext,
    id: number,
    input: CampaignInput,
    now: Date = new Date(),
  ): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.write');
    const detail = await this.tx.run(async (m) => {
      const before = await this.load(m, id, true);
      const current = contentOfRecord(before);
      // A PUT without flashSale keeps the campaign's (older clients do not send it).
      const next = { ...contentOf(input), flashSale: input.flashSale ?? current.flashSale };
      const scope = editScope(before.campaign.status);
      if (scope === 'none') throw new ConflictError('CAMPAIGN_ENDED', '活动已结束，不能再修改');
      if (scope === 'live') {
        const locks = liveEditLocks(current, next);
        if (locks.length > 0) {
          throw new BusinessError('CAMPAIGN_LIVE_FIELD_LOCKED', '活动进行中，部分内容不能修改', 409, locks);
        }
      }
      await this.validator.assertValid(m, next, {
        keptSkuIds: new Set(current.items.map((i) => i.skuId)),
        previousCoverKey: current.coverKey,
        running:
          before.campaign.status === 'draft'
            ? undefined
            : { now, unchangedTimes: scope === 'live' ? current : undefined },
      });
      await m.getRepository(CampaignEntity).update(
        { id },
        {
          title: next.title,
          coverKey: next.coverKey,
          description: next.description,
          startAt: next.startAt,
          endAt: next.endAt,
          cutoffAt: next.cutoffAt,
          pickupDate: next.pickupDate,
          audience: next.audience.kind,
          flashSale: next.flashSale,
        },
      );
      await saveAudienceTargets(m, id, next.audience);
      await saveItems(m, id, next.items);
      // A scheduled campaign whose start was moved into the past goes live at once.
      await this.clock.moveByTime(m, id, now);
      await this.audit.record(m, ctx, {
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        before: snapshot(current),
        after: snapshot(next),
      });
      return this.detail(m, await this.load(m, id));
    });
    await this.queueMovesOf(detail);
    return detail;
  }

  /** POST /:id/schedule, /:id/unschedule, /:id/end */
  async act(
    ctx: RequestContext,
    id: number,
    action: CampaignAction,
    now: Date = new Date(),
  ): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.write');
    const detail = await this.tx.run(async (m) => {
      const record = await this.load(m, id, true);
      const { campaign } = record;
      const to = staffTransition(campaign.status, action, campaign, now);
      if (to === null) throw invalidStatus(campaign.status, action);
      if (action === 'schedule') {
        // Everything is checked again: SKUs may have been disabled or times passed since the draft was saved.
        // Nothing is kept: every SKU must be on sale and active now.
        await this.validator.assertValid(m, contentOfRecord(record), {
          running: { now },
          previousCoverKey: campaign.coverKey,
        });
      }
      if (!(await moveStatus(m, id, [campaign.status], to))) throw invalidStatus(campaign.status, action);
      await this.audit.record(m, ctx, {
        action: `campaign.${action}`,
        entityType: 'campaign',
        entityId: id,
        before: { status: campaign.status },
        after: { status: to },
      });
      return this.detail(m, await this.load(m, id));
    });
    await this.queueMovesOf(detail);
    return detail;
  }

  /** POST /api/admin/campaigns/:id/duplicate: a new draft with the same content, moved to next week (or `startAt`). */
  async duplicate(
    ctx: RequestContext,
    id: number,
    request: CampaignDuplicateRequest,
    now: Date = new Date(),
  ): Promise<CampaignDetail> {
    requirePermission(ctx, 'campaigns.write');
    return this.tx.run(async (m) => {
      const original = await this.load(m, id);
      const schedule = duplicateSchedule(
        original.campaign,
        now,
        request.startAt ? new Date(request.startAt) : undefined,
      );
      const content: CampaignContent = { ...contentOfRecord(original), ...schedule };
      const copyId = await this.insert(m, content, {
        status: 'draft',
        coverUrl: original.campaign.coverUrl,
        duplicatedFromId: id,
      });
      await this.audit.record(m, ctx, {
        action: 'campaign.duplicate',
        entityType: 'campaign',
        entityId: copyId,
        before: null,
        after: { ...snapshot(content), status: 'draft', id: copyId, duplicatedFromId: id },
      });
      return this.detail(m, await this.load(m, copyId));
    });
  }

  private async insert(
    m: EntityManager,
    content: CampaignContent,
    extra: { status: CampaignStatus; coverUrl: string | null; duplicatedFromId: number | null },
  ): Promise<number> {
    const repo = m.getRepository(CampaignEntity);
    const row = repo.create({
      title: content.title,
      coverKey: content.coverKey,
      coverUrl: extra.coverUrl,
      description: content.description,
      status: extra.status,
      startAt: content.startAt,
      endAt: content.endAt,
      cutoffAt: content.cutoffAt,
      pickupDate: content.pickupDate,
      audience: content.audience.kind,
      flashSale: content.flashSale,
      duplicatedFromId: extra.duplicatedFromId,
    });
    await repo.insert(row);
    await saveAudienceTargets(m, row.id, content.audience);
    await saveItems(m, row.id, content.items);
    return row.id;
  }

  private async load(m: EntityManager, id: number, lock = false): Promise<CampaignRecord> {
    const record = await loadCampaign(m, id, { lock });
    if (!record) throw notFound();
    return record;
  }

  private async detail(m: EntityManager, record: CampaignRecord): Promise<CampaignDetail> {
    const { audience } = record;
    const [skus, levelNames, leaderNames] = await Promise.all([
      this.presenter.skusOf([record], m),
      audience.levelIds.length > 0 ? this.levels.ladderWith(m) : Promise.resolve([]),
      audience.leaderIds.length > 0
        ? this.leaders.getSummaries(audience.leaderIds, m)
        : Promise.resolve(new Map<number, { name: string }>()),
    ]);
    const levelName = new Map(levelNames.map((l) => [l.id, l.name]));
    return this.presenter.detail(record, skus, {
      levels: audience.levelIds.map((id) => levelName.get(id) ?? `等级 #${id}`),
      leaders: audience.leaderIds.map((id) => leaderNames.get(id)?.name ?? `团长 #${id}`),
    });
  }

  private queueMovesOf(detail: CampaignDetail): Promise<void> {
    return this.clock.queueMoves({
      id: detail.id,
      status: detail.status,
      startAt: new Date(detail.startAt),
      endAt: new Date(detail.endAt),
    });
  }
}

function invalidStatus(status: CampaignStatus, action: CampaignAction): ConflictError {
  const labels: Record<CampaignAction, string> = { schedule: '排期', unschedule: '撤回排期', end: '结束' };
  return new ConflictError(
    'CAMPAIGN_INVALID_STATUS',
    `活动当前为「${CAMPAIGN_STATUS_LABELS[status]}」，不能${labels[action]}`,
  );
}

function contentOf(input: CampaignInput): CampaignContent {
  return {
    title: input.title.trim(),
    coverKey: input.coverKey ?? null,
    description: input.description?.trim() || null,
    startAt: new Date(input.startAt),
    endAt: new Date(input.endAt),
    cutoffAt: new Date(input.cutoffAt),
    pickupDate: input.pickupDate,
    audience: normalizeAudience(input.audience),
    flashSale: input.flashSale ?? false,
    items: input.items.map((i) => ({
      skuId: i.skuId,
      groupPrice: i.groupPrice,
      originalPrice: i.originalPrice,
      perMemberLimit: i.perMemberLimit,
      stockCap: i.stockCap ?? null,
    })),
  };
}

function contentOfRecord({ campaign, audience, items }: CampaignRecord): CampaignContent {
  return {
    title: campaign.title,
    coverKey: campaign.coverKey,
    description: campaign.description,
    startAt: campaign.startAt,
    endAt: campaign.endAt,
    cutoffAt: campaign.cutoffAt,
    pickupDate: campaign.pickupDate,
    audience,
    flashSale: campaign.flashSale,
    items: items.map((i) => ({
      skuId: i.skuId,
      groupPrice: i.groupPrice,
      originalPrice: i.originalPrice,
      perMemberLimit: i.perMemberLimit,
      stockCap: i.stockCap,
    })),
  };
}

function snapshot(content: CampaignContent): Record<string, unknown> {
  return {
    ...content,
    startAt: content.startAt.toISOString(),
    endAt: content.endAt.toISOString(),
    cutoffAt: content.cutoffAt.toISOString(),
  };
}
