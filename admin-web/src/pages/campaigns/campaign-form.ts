import dayjs, { type Dayjs } from 'dayjs';
import type {
  CampaignAudienceKind,
  CampaignDetail,
  CampaignInput,
  CampaignStatus,
  Fen,
  ProductImageView,
  SkuPickerItem,
} from '@linli/shared-types';
import { fenToYuan, yuanToFen } from '../../utils/money';

/**
 * Campaign times are Asia/Shanghai wall-clock times whatever the browser's zone: the pickers show and
 * return a Dayjs whose LOCAL fields are Shanghai's, and these two functions move between that and ISO.
 * Shanghai has no daylight saving, so a fixed +08:00 is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function isoToShanghai(iso: string): Dayjs {
  const wall = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
  return dayjs(wall);
}

export function shanghaiToIso(wallClock: Dayjs): string {
  return new Date(`${wallClock.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

/** 'now' in Shanghai wall-clock terms, for defaults and disabled dates. */
export function shanghaiNow(now: Date = new Date()): Dayjs {
  return isoToShanghai(now.toISOString());
}

export interface CampaignItemRow {
  skuId: number;
  productName: string;
  specText: string;
  coverUrl: string | null;
  retailPrice: Fen;
  stock: number;
  groupPriceYuan: number | null;
  originalPriceYuan: number | null;
  perMemberLimit: number;
  stockCap: number | null;
  soldQuantity: number;
  /** Saved on a live campaign: price and limit cannot change, the row cannot be removed. */
  locked: boolean;
  /** The cap saved on a live campaign: it may only be raised. */
  savedStockCap: number | null;
}

export interface CampaignFormValues {
  title: string;
  cover: ProductImageView[];
  description?: string;
  startAt: Dayjs;
  endAt: Dayjs;
  cutoffAt: Dayjs;
  pickupDate: Dayjs;
  audienceKind: CampaignAudienceKind;
  levelIds: number[];
  leaderIds: number[];
  /** 秒杀: orders pass the Redis flash-sale gate; fixed once the campaign is live. */
  flashSale: boolean;
  items: CampaignItemRow[];
}

/** A fresh campaign: starts tomorrow 10:00, 截单 two days later 22:00, pickup the day after. */
export function defaultCampaignValues(now: Date = new Date()): Partial<CampaignFormValues> {
  const start = shanghaiNow(now).add(1, 'day').hour(10).minute(0).second(0).millisecond(0);
  const cutoff = start.add(2, 'day').hour(22);
  return {
    cover: [],
    startAt: start,
    cutoffAt: cutoff,
    endAt: cutoff,
    pickupDate: cutoff.add(1, 'day').startOf('day'),
    audienceKind: 'all',
    levelIds: [],
    leaderIds: [],
    flashSale: false,
    items: [],
  };
}

export function itemFromPicker(sku: SkuPickerItem): CampaignItemRow {
  return {
    skuId: sku.skuId,
    productName: sku.productName,
    specText: sku.specText,
    coverUrl: sku.coverUrl,
    retailPrice: sku.price,
    stock: sku.stock,
    groupPriceYuan: null,
    // 划线价 defaults to the retail price.
    originalPriceYuan: fenToYuan(sku.price),
    perMemberLimit: 0,
    stockCap: null,
    soldQuantity: 0,
    locked: false,
    savedStockCap: null,
  };
}

export function valuesFromDetail(detail: CampaignDetail): CampaignFormValues {
  const live = detail.status === 'live';
  return {
    title: detail.title,
    cover: detail.coverKey && detail.coverUrl ? [{ key: detail.coverKey, url: detail.coverUrl }] : [],
    description: detail.description ?? undefined,
    startAt: isoToShanghai(detail.startAt),
    endAt: isoToShanghai(detail.endAt),
    cutoffAt: isoToShanghai(detail.cutoffAt),
    pickupDate: dayjs(detail.pickupDate),
    audienceKind: detail.audience.kind,
    levelIds: detail.audience.levelIds,
    leaderIds: detail.audience.leaderIds,
    flashSale: detail.flashSale,
    items: detail.items.map((item) => ({
      skuId: item.skuId,
      productName: item.productName,
      specText: item.skuName,
      coverUrl: item.imageUrl,
      retailPrice: item.retailPrice,
      stock: item.remaining,
      groupPriceYuan: fenToYuan(item.groupPrice),
      originalPriceYuan: fenToYuan(item.originalPrice),
      perMemberLimit: item.perMemberLimit,
      stockCap: item.stockCap,
      soldQuantity: item.soldQuantity,
      locked: live,
      savedStockCap: item.stockCap,
    })),
  };
}

export function toCampaignInput(values: CampaignFormValues): CampaignInput {
  return {
    title: values.title.trim(),
    coverKey: values.cover[0]?.key ?? null,
    description: values.description?.trim() || null,
    startAt: shanghaiToIso(values.startAt),
    endAt: shanghaiToIso(values.endAt),
    cutoffAt: shanghaiToIso(values.cutoffAt),
    pickupDate: values.pickupDate.format('YYYY-MM-DD'),
    audience: {
      kind: values.audienceKind,
      levelIds: values.audienceKind === 'levels' ? values.levelIds : [],
      leaderIds: values.audienceKind === 'leaders' ? values.leaderIds : [],
    },
    // Always sent: the server reads a missing flag as "off", which a live flash sale must not become.
    flashSale: values.flashSale,
    items: values.items.map((row) => ({
      skuId: row.skuId,
      groupPrice: yuanToFen(row.groupPriceYuan ?? 0),
      originalPrice: yuanToFen(row.originalPriceYuan ?? 0),
      perMemberLimit: row.perMemberLimit,
      stockCap: row.stockCap,
    })),
  };
}

/** Problems the form finds before asking the server, each a Chinese sentence. */
export function campaignProblems(values: CampaignFormValues, status: CampaignStatus | null): string[] {
  const problems: string[] = [];
  const { startAt, endAt, cutoffAt, pickupDate } = values;
  if (!cutoffAt.isAfter(startAt)) problems.push('截单时间须晚于开始时间');
  if (endAt.isBefore(cutoffAt)) problems.push('结束时间不能早于截单时间');
  if (pickupDate.format('YYYY-MM-DD') < cutoffAt.format('YYYY-MM-DD'))
    problems.push('提货日期不能早于截单日期');
  if (values.audienceKind === 'levels' && values.levelIds.length === 0) problems.push('请选择可见的团长等级');
  if (values.audienceKind === 'leaders' && values.leaderIds.length === 0) problems.push('请选择可见的团长');
  if (values.items.length === 0) problems.push('至少添加一个商品');
  for (const row of values.items) {
    const label = `「${row.productName} ${row.specText}」`;
    if (row.groupPriceYuan === null || row.groupPriceYuan <= 0) problems.push(`${label}还没有填写团购价`);
    else if (row.originalPriceYuan !== null && row.groupPriceYuan > row.originalPriceYuan)
      problems.push(`${label}团购价不能高于划线价`);
    if (
      status === 'live' &&
      row.savedStockCap !== null &&
      (row.stockCap === null ? false : row.stockCap < row.savedStockCap)
    )
      problems.push(`${label}进行中的活动只能调高限量`);
  }
  return problems;
}

/** Which parts are locked on a live campaign (see CampaignInput editing rules). */
export function lockedWhenLive(status: CampaignStatus | null): {
  startAt: boolean;
  audience: boolean;
  flashSale: boolean;
} {
  const live = status === 'live';
  return { startAt: live, audience: live, flashSale: live };
}
