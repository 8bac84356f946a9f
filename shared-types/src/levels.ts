import type { IsoDateTime } from './common';
import type { LeaderStatus } from './leaders';

/**
 * Leader levels (团长等级). A ladder ordered by `rank` (higher is better). Every level carries the default
 * commission rate of its leaders (basis points: 1000 = 10%). Levels are judged on two figures over the
 * last 30 days (see LeaderMetrics). Migration 0006 creates three default levels.
 *
 * Evaluation (scheduled daily at 02:00 Asia/Shanghai, and on demand):
 * - a leader with no level gets the lowest level (kind `initial`);
 * - otherwise the leader moves UP to the highest level above theirs whose `upgrade` thresholds they
 *   both meet;
 * - else, when they fall below EITHER `keep` threshold of their current level, they move DOWN one rank
 *   (the lowest level never drops);
 * - leaders whose level was set by hand are skipped until `levelHoldUntil`.
 * Only active leaders are evaluated. Every change is recorded with its reason and figures.
 */
export interface LevelCriteria {
  /** 30-day GMV in fen, >= 0 */
  minGmv30dFen: number;
  /** Active customers over 30 days, >= 0 */
  minActiveCustomers30d: number;
}

export interface LeaderLevel {
  id: number;
  /** 1–16 chars, unique */
  name: string;
  /** 1–99, unique; higher is better */
  rank: number;
  /** 0–10000 basis points */
  commissionRateBps: number;
  /** Thresholds to be upgraded TO this level (both must be met). Ignored for the lowest level. */
  upgrade: LevelCriteria;
  /** Thresholds to STAY at this level (below either → one rank down). Ignored for the lowest level. */
  keep: LevelCriteria;
  /** Leaders currently at this level. */
  leaderCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/**
 * GET  /api/admin/leader-levels (leaders.read) → LeaderLevel[] by rank ascending.
 * POST /api/admin/leader-levels (leaders.write) → LeaderLevel (201). Duplicate name/rank: 409 LEADER_LEVEL_DUPLICATE.
 * PUT  /api/admin/leader-levels/:id (leaders.write) → LeaderLevel.
 * DELETE /api/admin/leader-levels/:id (leaders.write) → 204; 409 LEADER_LEVEL_IN_USE while leaders are on it.
 * Every write is audited.
 */
export interface LeaderLevelInput {
  name: string;
  rank: number;
  commissionRateBps: number;
  upgrade: LevelCriteria;
  keep: LevelCriteria;
}

/** The figures a leader is judged on. */
export interface LeaderMetrics {
  /** Sum of leader_daily_sales over the last 30 business days (filled by completed orders). */
  gmv30dFen: number;
  /** Customers currently bound to the leader who used the mini-program in the last 30 days. */
  activeCustomers30d: number;
  measuredAt: IsoDateTime;
}

export const LevelChangeKind = {
  INITIAL: 'initial',
  UPGRADE: 'upgrade',
  DOWNGRADE: 'downgrade',
  MANUAL: 'manual',
} as const;
export type LevelChangeKind = (typeof LevelChangeKind)[keyof typeof LevelChangeKind];

export const LEVEL_CHANGE_KIND_LABELS: Record<LevelChangeKind, string> = {
  initial: '初始定级',
  upgrade: '自动升级',
  downgrade: '自动降级',
  manual: '手动调整',
};

export interface LeaderLevelChange {
  id: number;
  fromLevelId: number | null;
  fromLevelName: string | null;
  toLevelId: number;
  toLevelName: string | null;
  kind: LevelChangeKind;
  /** Human-readable why, e.g. 近30天GMV ¥12,000.00 ≥ ¥10,000.00，活跃客户 35 ≥ 30 */
  reason: string;
  /** Figures at the time (null for manual changes). */
  gmv30dFen: number | null;
  activeCustomers30d: number | null;
  actorType: 'staff' | 'system';
  actorName: string | null;
  createdAt: IsoDateTime;
}

/** POST /api/admin/leaders/:id/level (leaders.write) → LeaderDetail. Audited. */
export interface SetLeaderLevelRequest {
  levelId: number;
  /** 2–200 chars */
  reason: string;
  /** The scheduled evaluation leaves this leader alone for this many days (0–365, default 30). */
  holdDays?: number;
}

/** POST /api/admin/leader-levels/evaluate (leaders.write): run the evaluation now. */
export interface LevelEvaluationResult {
  evaluated: number;
  initial: number;
  upgraded: number;
  downgraded: number;
  /** Skipped because their level is held after a manual change. */
  held: number;
}

/**
 * GET /api/admin/leaders/:id/downline (leaders.read): the leader and their DIRECT recruits, each with
 * counts; the admin tree loads deeper levels by calling this again for a child.
 */
export interface DownlineNode {
  leaderId: number;
  name: string;
  status: LeaderStatus;
  levelName: string | null;
  pickupPointName: string | null;
  /** Direct recruits. */
  recruitCount: number;
  /** All recruits below, at any depth. */
  descendantCount: number;
}

export interface DownlineView {
  node: DownlineNode;
  /** The upline chain from the root down to the leader's direct upline (empty for a root). */
  uplineChain: Array<{ leaderId: number; name: string }>;
  /** Direct recruits, oldest first. */
  children: DownlineNode[];
}
