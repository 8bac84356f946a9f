import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '@linli/shared-types';
import { BusinessError, FILE_STORAGE, type FileStorage } from '../../platform';
import { CatalogService } from '../catalog';
import { LeaderLevelsService, LeadersService } from '../leaders';
import { audienceProblems } from './domain/campaign-audience';
import { campaignProblems } from './domain/campaign-rules';
import { passedTimeProblems, type CampaignContent } from './domain/live-edit';

const MAX_ITEMS = 100;

export interface ValidateOptions {
  /** SKUs already in the campaign: they may stay even if their product went off sale since. */
  keptSkuIds?: ReadonlySet<number>;
  previousCoverKey?: string | null;
  /** The campaign is about to run or running at `now`; `unchangedTimes`: a live one's stored times. */
  running?: { now: Date; unchangedTimes?: Pick<CampaignContent, 'endAt' | 'cutoffAt'> };
}

/** Checks a campaign's content against the rules and against what exists (SKUs, levels, leaders, files). */
@Injectable()
export class CampaignValidator {
  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly catalog: CatalogService,
    private readonly leaders: LeadersService,
    private readonly levels: LeaderLevelsService,
  ) {}

  /**
   * Throws 400 VALIDATION_FAILED listing every problem. SKUs already in the campaign (`keptSkuIds`) may
   * stay even if their product went off sale since; new ones must be active SKUs of non-draft products.
   * `running` adds the checks for a campaign about to run or running (schedule, or an edit of a scheduled
   * or live one): times already passed (for a live one only those the edit changes: `unchangedTimes`),
   * and every SKU not kept must be on sale and active, so buyers are never shown an empty campaign.
   */
  async assertValid(
    m: EntityManager,
    content: CampaignContent,
    options: ValidateOptions = {},
  ): Promise<void> {
    const problems: FieldError[] = campaignProblems(content, content.items);
    if (content.items.length > MAX_ITEMS)
      problems.push({ field: 'items', errors: [`最多 ${MAX_ITEMS} 个商品`] });
    problems.push(
      ...(await this.skuProblems(m, content, options.keptSkuIds ?? new Set(), options.running !== undefined)),
    );
    problems.push(...(await this.audienceProblems(m, content)));
    if (
      content.coverKey &&
      content.coverKey !== options.previousCoverKey &&
      !(await this.storage.exists(content.coverKey))
    ) {
      problems.push({ field: 'coverKey', errors: ['封面图片不存在，请重新上传'] });
    }
    const { running } = options;
    if (running) problems.push(...passedTimeProblems(content, running.now, running.unchangedTimes));
    if (problems.length > 0) throw new BusinessError('VALIDATION_FAILED', '请求参数不正确', 400, problems);
  }

  private async skuProblems(
    m: EntityManager,
    content: CampaignContent,
    kept: ReadonlySet<number>,
    onSaleOnly: boolean,
  ): Promise<FieldError[]> {
    const skus = await this.catalog.getSkuDetails(
      content.items.map((i) => i.skuId),
      m,
    );
    return content.items.flatMap((item, i) => {
      const sku = skus.get(item.skuId);
      const field = `items.${i}.skuId`;
      if (!sku) return [{ field, errors: ['商品规格不存在'] }];
      if (kept.has(item.skuId)) return [];
      if (sku.productStatus === 'draft')
        return [{ field, errors: [`「${sku.productName}」还是草稿，不能参加活动`] }];
      if (sku.skuStatus !== 'active')
        return [{ field, errors: [`「${sku.productName} ${sku.specText}」已停用`] }];
      if (onSaleOnly && sku.productStatus !== 'on_sale')
        return [{ field, errors: [`「${sku.productName}」未上架，请先上架或移除`] }];
      return [];
    });
  }

  private async audienceProblems(m: EntityManager, content: CampaignContent): Promise<FieldError[]> {
    const { audience } = content;
    const levelIds =
      audience.kind === 'levels'
        ? new Set((await this.levels.ladderWith(m)).map((l) => l.id))
        : new Set<number>();
    const leaderIds =
      audience.kind === 'leaders'
        ? new Set((await this.leaders.getSummaries(audience.leaderIds, m)).keys())
        : new Set<number>();
    return audienceProblems(audience, { levelIds, leaderIds });
  }
}
