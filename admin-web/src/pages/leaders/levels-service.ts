import type {
  DownlineView,
  LeaderDetail,
  LeaderLevel,
  LeaderLevelInput,
  LevelChangeKind,
  LevelEvaluationResult,
  SetLeaderLevelRequest,
} from '@linli/shared-types';
import { api } from '../../api';

export const levelKeys = {
  all: ['leader-levels'] as const,
  downline: (leaderId: number) => ['leaders', 'downline', leaderId] as const,
};

export function fetchLevels(): Promise<LeaderLevel[]> {
  return api.get<LeaderLevel[]>('/api/admin/leader-levels');
}

export function createLevel(body: LeaderLevelInput): Promise<LeaderLevel> {
  return api.post<LeaderLevel>('/api/admin/leader-levels', body);
}

export function updateLevel(id: number, body: LeaderLevelInput): Promise<LeaderLevel> {
  return api.request<LeaderLevel>('PUT', `/api/admin/leader-levels/${id}`, { body });
}

export function deleteLevel(id: number): Promise<void> {
  return api.request<void>('DELETE', `/api/admin/leader-levels/${id}`);
}

export function evaluateLevels(): Promise<LevelEvaluationResult> {
  return api.post<LevelEvaluationResult>('/api/admin/leader-levels/evaluate');
}

export function setLeaderLevel(leaderId: number, body: SetLeaderLevelRequest): Promise<LeaderDetail> {
  return api.post<LeaderDetail>(`/api/admin/leaders/${leaderId}/level`, body);
}

export function fetchDownline(leaderId: number): Promise<DownlineView> {
  return api.get<DownlineView>(`/api/admin/leaders/${leaderId}/downline`);
}

// ---- Money and rates as staff type them: yuan and percent on screen, fen and basis points on the wire ----

/** ¥ typed with at most two decimals → integer fen (rounded, so 0.1 + 0.2 style float noise never leaks). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** 12.5 (%) → 1250 basis points. */
export function percentToBps(percent: number): number {
  return Math.round(percent * 100);
}

export function bpsToPercent(bps: number): number {
  return bps / 100;
}

/** 1250 → `12.5%`, 1000 → `10%`. */
export function formatRate(bps: number): string {
  return `${Number((bps / 100).toFixed(2))}%`;
}

/** The level form: money in yuan, the rate in percent. */
export interface LevelFormValues {
  name: string;
  rank: number;
  commissionRatePercent: number;
  upgradeMinGmvYuan: number;
  upgradeMinActiveCustomers: number;
  keepMinGmvYuan: number;
  keepMinActiveCustomers: number;
}

export function toLevelForm(level: LeaderLevel | null, nextRank: number): LevelFormValues {
  if (!level) {
    return {
      name: '',
      rank: nextRank,
      commissionRatePercent: 10,
      upgradeMinGmvYuan: 0,
      upgradeMinActiveCustomers: 0,
      keepMinGmvYuan: 0,
      keepMinActiveCustomers: 0,
    };
  }
  return {
    name: level.name,
    rank: level.rank,
    commissionRatePercent: bpsToPercent(level.commissionRateBps),
    upgradeMinGmvYuan: fenToYuan(level.upgrade.minGmv30dFen),
    upgradeMinActiveCustomers: level.upgrade.minActiveCustomers30d,
    keepMinGmvYuan: fenToYuan(level.keep.minGmv30dFen),
    keepMinActiveCustomers: level.keep.minActiveCustomers30d,
  };
}

export function fromLevelForm(values: LevelFormValues): LeaderLevelInput {
  return {
    name: values.name.trim(),
    rank: values.rank,
    commissionRateBps: percentToBps(values.commissionRatePercent),
    upgrade: {
      minGmv30dFen: yuanToFen(values.upgradeMinGmvYuan),
      minActiveCustomers30d: values.upgradeMinActiveCustomers,
    },
    keep: {
      minGmv30dFen: yuanToFen(values.keepMinGmvYuan),
      minActiveCustomers30d: values.keepMinActiveCustomers,
    },
  };
}

/** Same rule as the server: keeping a level must not be harder than reaching it. Problems by field. */
export function keepProblems(
  values: Partial<LevelFormValues>,
): Partial<Record<'keepMinGmvYuan' | 'keepMinActiveCustomers', string>> {
  const problems: Partial<Record<'keepMinGmvYuan' | 'keepMinActiveCustomers', string>> = {};
  const { keepMinGmvYuan, upgradeMinGmvYuan, keepMinActiveCustomers, upgradeMinActiveCustomers } = values;
  if (keepMinGmvYuan != null && upgradeMinGmvYuan != null && keepMinGmvYuan > upgradeMinGmvYuan) {
    problems.keepMinGmvYuan = '保级GMV不能高于升级GMV';
  }
  if (
    keepMinActiveCustomers != null &&
    upgradeMinActiveCustomers != null &&
    keepMinActiveCustomers > upgradeMinActiveCustomers
  ) {
    problems.keepMinActiveCustomers = '保级活跃客户数不能高于升级门槛';
  }
  return problems;
}

/** The rank a new level suggests: one above the current top. */
export function nextRank(levels: readonly LeaderLevel[]): number {
  return Math.min(99, levels.reduce((top, level) => Math.max(top, level.rank), 0) + 1);
}

/** One line about an evaluation run, e.g. `评估 12 名团长：首次定级 1，升级 2，降级 1；保级期内跳过 3`. */
export function evaluationSummary(result: LevelEvaluationResult): string {
  const changed = result.initial + result.upgraded + result.downgraded;
  const parts = [`评估 ${result.evaluated} 名团长`];
  parts.push(
    changed === 0
      ? '等级均无变化'
      : `首次定级 ${result.initial}，升级 ${result.upgraded}，降级 ${result.downgraded}`,
  );
  const text = parts.join('：');
  return result.held > 0 ? `${text}；保级期内跳过 ${result.held}` : text;
}

export const CHANGE_KIND_COLORS: Record<LevelChangeKind, string> = {
  initial: 'blue',
  upgrade: 'green',
  downgrade: 'orange',
  manual: 'purple',
};

/** The detail page's tabs, kept in the URL (?tab=levels) so a link opens one. */
export const DETAIL_TABS = ['overview', 'levels', 'downline', 'customers', 'communities'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export function tabFromSearch(params: URLSearchParams): DetailTab {
  const tab = params.get('tab');
  return (DETAIL_TABS as readonly string[]).includes(tab ?? '') ? (tab as DetailTab) : 'overview';
}

export const DEFAULT_HOLD_DAYS = 30;

/** `保级至 2026-12-23` / `不保级` for the set-level modal's hint. */
export function holdHint(holdDays: number | null | undefined, now: Date = new Date()): string {
  if (!holdDays) return '不保级：下次自动评估即可能调整';
  const until = new Date(now.getTime() + holdDays * 86_400_000);
  const date = `${until.getFullYear()}-${String(until.getMonth() + 1).padStart(2, '0')}-${String(until.getDate()).padStart(2, '0')}`;
  return `保级至 ${date}，期间自动评估不调整此团长`;
}
