import type { BasisPoints, Fen, IsoDateTime, PageQuery } from './common';

// ---------------------------------------------------------------------------------------------------
// Commission (issue 6): rule sets, the ledger, statements and withdrawals. Staff endpoints under
// /api/admin/commission (commission.read / commission.write / withdrawals.approve); leader endpoints under
// /api/app/leader/commission. Money is integer fen; rates are basis points (1000 = 10%).
// See docs/commission.md.
// ---------------------------------------------------------------------------------------------------

/** What a rate applies to: the amount the buyer paid, or gross profit (paid − cost × quantity, ≥ 0). */
export type CommissionBasis = 'paid_amount' | 'gross_profit';
export const COMMISSION_BASIS_LABELS: Record<CommissionBasis, string> = {
  paid_amount: '按实付金额',
  gross_profit: '按毛利',
};

export interface LevelRate {
  levelId: number;
  rateBps: BasisPoints;
}

/** A product or category override: a rate, or a fixed amount per unit sold. A product wins over its category. */
export interface CommissionOverride {
  targetKind: 'product' | 'category';
  targetId: number;
  mode: 'rate' | 'fixed';
  /** For mode 'rate'. */
  rateBps: BasisPoints | null;
  /** For mode 'fixed': fen per unit sold. */
  fixedFen: Fen | null;
}

/**
 * Monthly GMV tiers (阶梯): `whole_month` pays the highest reached tier's extra rate on the whole month's
 * GMV; `marginal` pays each tier's rate on the part of the GMV between its threshold and the next one.
 */
export interface TierBonusRule {
  mode: 'whole_month' | 'marginal';
  /** Ascending thresholds, fen; 0–10 tiers. */
  tiers: Array<{ thresholdFen: Fen; rateBps: BasisPoints }>;
}

/** The recruiting leader (depth 1) and their recruiter (depth 2) earn on a downline's completed orders. */
export interface ReferralRule {
  /** What the rates apply to: the downline's commission on the order, or the order's GMV. */
  base: 'commission' | 'gmv';
  level1Bps: BasisPoints;
  level2Bps: BasisPoints;
}

/** A one-off reward to the recruiting leader when a new leader's `afterOrders`-th order completes. */
export interface RecruitmentRewardRule {
  afterOrders: number;
  rewardFen: Fen;
}

export interface CommissionRules {
  basis: CommissionBasis;
  /** Leaders whose level is not listed (or who have none) earn this. */
  defaultRateBps: BasisPoints;
  levelRates: LevelRate[];
  overrides: CommissionOverride[];
  tierBonus: TierBonusRule | null;
  referral: ReferralRule | null;
  recruitmentReward: RecruitmentRewardRule | null;
  /** The after-sales window: entries stay frozen this many days after the order completed (0–60). */
  frozenDays: number;
}

export type RuleSetStatus = 'draft' | 'published';

/** GET /api/admin/commission/rule-sets → RuleSetView[] (newest version first). */
export interface RuleSetView {
  id: number;
  name: string;
  /** 1, 2, 3… in publishing order; null while a draft. */
  version: number | null;
  status: RuleSetStatus;
  /** When a published set starts to apply (orders completing from then on). */
  effectiveFrom: IsoDateTime | null;
  /** The set in force now (published, latest effective time not in the future). */
  current: boolean;
  rules: CommissionRules;
  createdAt: IsoDateTime;
  publishedAt: IsoDateTime | null;
  publishedBy: string | null;
}

/**
 * GET /api/admin/commission/rule-sets/:id → RuleSetView. POST /api/admin/commission/rule-sets {name, rules}
 * → a draft (commission.write); PUT /:id edits a draft only (409 COMMISSION_RULE_SET_PUBLISHED); DELETE /:id
 * deletes a draft (204); POST /:id/publish {effectiveFrom} publishes it (not in the past); POST /:id/copy →
 * a new draft with the same rules. GET /api/admin/commission/rule-sets/template → CommissionRules: a
 * starting point (the rules in force, or the levels' own rates). Invalid rules: 400
 * COMMISSION_RULES_INVALID with field errors. Audited.
 */
export interface RuleSetInput {
  name: string;
  rules: CommissionRules;
}
export interface PublishRuleSetRequest {
  /** ISO time, now or later. */
  effectiveFrom: IsoDateTime;
}

/**
 * POST /api/admin/commission/preview → CommissionPreview: the commission of a sample order under the given
 * rules (usually a draft's), without writing anything. Lines name campaign items of any campaign or SKUs.
 */
export interface CommissionPreviewRequest {
  rules: CommissionRules;
  leaderId: number;
  lines: Array<{ skuId: number; quantity: number; unitPrice: Fen }>;
  /** The leader's GMV so far this month, for the tier that would apply (default: theirs now). */
  monthGmvFen?: Fen;
}

export type CommissionEntryType =
  'accrual' | 'reversal' | 'tier_bonus' | 'referral' | 'recruitment_reward' | 'adjustment' | 'withdrawal';
export const COMMISSION_ENTRY_TYPE_LABELS: Record<CommissionEntryType, string> = {
  accrual: '订单佣金',
  reversal: '退款冲回',
  tier_bonus: '阶梯奖励',
  referral: '推荐奖励',
  recruitment_reward: '招募奖励',
  adjustment: '人工调整',
  withdrawal: '提现',
};

export type CommissionEntryStatus = 'frozen' | 'available' | 'settled';
export const COMMISSION_ENTRY_STATUS_LABELS: Record<CommissionEntryStatus, string> = {
  frozen: '冻结中',
  available: '可提现',
  settled: '已结算',
};

/** One line of how an entry was computed (an order line, a tier, a referral). */
export interface CommissionDetailLine {
  label: string;
  /** The amount the rate applied to, fen (null for fixed amounts). */
  baseFen: Fen | null;
  rateBps: BasisPoints | null;
  /** Fixed fen per unit × units, when a fixed override applied. */
  fixedFen: Fen | null;
  units: number | null;
  /** Exact amount of this line in fen (may have decimals; the entry is rounded once). */
  amount: number;
  /** Which rule produced it: 等级费率 / 商品覆盖 / 分类覆盖 / 阶梯 / 推荐… */
  rule: string;
}

export interface CommissionEntryView {
  id: number;
  leaderId: number;
  leaderName: string;
  type: CommissionEntryType;
  amount: Fen;
  status: CommissionEntryStatus;
  orderId: number | null;
  orderNo: string | null;
  ruleSetId: number | null;
  ruleSetVersion: number | null;
  /** When a frozen entry becomes available. */
  availableAt: IsoDateTime;
  note: string | null;
  details: CommissionDetailLine[];
  createdAt: IsoDateTime;
}

/** Preview result: what the entries of such an order would be. */
export interface CommissionPreview {
  entries: Array<Pick<CommissionEntryView, 'leaderId' | 'leaderName' | 'type' | 'amount' | 'details'>>;
}

/** Balances derived from the ledger. */
export interface CommissionBalance {
  leaderId: number;
  frozen: Fen;
  available: Fen;
  /** Paid out so far (settled withdrawals, as a positive amount). */
  withdrawn: Fen;
  /** Accrued in the current Asia/Shanghai day / month (all statuses, reversals included). */
  today: Fen;
  thisMonth: Fen;
}

/**
 * GET /api/admin/commission/entries?leaderId&type&status&orderNo&from&to&page → Paged<CommissionEntryView>
 * (commission.read), newest first. GET /api/app/leader/commission/entries (the calling leader's).
 */
export interface CommissionEntryQuery extends PageQuery {
  leaderId?: number;
  type?: CommissionEntryType;
  status?: CommissionEntryStatus;
  orderNo?: string;
  from?: IsoDateTime;
  to?: IsoDateTime;
}

/** GET /api/admin/commission/leaders?keyword&page → Paged<LeaderCommissionRow>: balances by leader. */
export interface LeaderCommissionRow extends CommissionBalance {
  leaderName: string;
  levelName: string | null;
}

/**
 * POST /api/admin/commission/adjustments {leaderId, amount, reason, requestId} (commission.write): a manual
 * entry (positive or negative), available at once, audited. The requestId makes a retry harmless.
 */
export interface CommissionAdjustmentRequest {
  leaderId: number;
  /** Fen, non-zero, |amount| ≤ 10,000,000. */
  amount: Fen;
  /** 2–100 characters. */
  reason: string;
  requestId: string;
}

export type StatementPeriod = 'day' | 'week' | 'month';

/**
 * GET /api/admin/commission/statements?leaderId&period&date → CommissionStatement (JSON), or with
 * `format=xlsx` the same as an Excel file. GET /api/app/leader/commission/statement?period&date (own).
 * `date` is any Asia/Shanghai day in the period (YYYY-MM-DD); weeks start on Monday.
 * The entry total equals the statement total equals the sum over its orders plus entries without order.
 */
export interface CommissionStatement {
  leaderId: number;
  leaderName: string;
  period: StatementPeriod;
  from: string;
  to: string;
  entries: CommissionEntryView[];
  orders: Array<{ orderId: number; orderNo: string; paidAmount: Fen; commission: Fen }>;
  totals: { byType: Record<CommissionEntryType, Fen>; total: Fen; ordersTotal: Fen; withoutOrder: Fen };
}

export type WithdrawalStatus = 'reviewing' | 'approved' | 'paying' | 'paid' | 'rejected' | 'failed';
export const WITHDRAWAL_STATUS_LABELS: Record<WithdrawalStatus, string> = {
  reviewing: '待审核',
  approved: '已通过',
  paying: '打款中',
  paid: '已到账',
  rejected: '已驳回',
  failed: '打款失败',
};
export type WithdrawalMethod = 'wechat' | 'bank';

export interface WithdrawalView {
  id: number;
  leaderId: number;
  leaderName: string;
  amount: Fen;
  method: WithdrawalMethod;
  status: WithdrawalStatus;
  /** For bank: the account to pay (masked in lists for the leader). */
  bankAccount: { holder: string; bankName: string; accountNo: string } | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  failureReason: string | null;
  /**
   * WeChat payouts while `paying`: the leader must confirm receipt (确认收款) in the mini-program. Fetch
   * fresh parameters with POST /api/app/leader/commission/withdrawals/:id/confirmation before opening it.
   */
  awaitingConfirmation: boolean;
  requestedAt: IsoDateTime;
  reviewedAt: IsoDateTime | null;
  paidAt: IsoDateTime | null;
}

/**
 * POST /api/app/leader/commission/withdrawals {amount, method, bankAccount?, requestId} → WithdrawalView.
 * At least COMMISSION_WITHDRAW_MIN_FEN, at most the available balance, one open request at a time
 * (409 WITHDRAWAL_OPEN_EXISTS / 409 WITHDRAWAL_OVER_BALANCE / 400 WITHDRAWAL_BELOW_MINIMUM). Amounts up to
 * COMMISSION_AUTO_APPROVE_FEN are approved at once; larger ones wait for finance.
 */
export interface WithdrawalRequest {
  amount: Fen;
  method: WithdrawalMethod;
  bankAccount?: { holder: string; bankName: string; accountNo: string } | null;
  requestId: string;
}

/**
 * POST /api/app/leader/commission/withdrawals/:id/confirmation → what the mini-program needs to let the
 * leader confirm receipt. `wechat`: call wx.requestMerchantTransfer({mchId, appId, package}); `simulator`
 * (the embedded mode): show a sheet, then POST /api/app/leader/commission/withdrawals/:id/simulate
 * {accept}. Afterwards POST /:id/sync asks WeChat Pay for the outcome (notifications also arrive).
 * 409 WITHDRAWAL_NOT_AWAITING_CONFIRMATION when the transfer is not waiting for the leader.
 */
export interface WithdrawalConfirmation {
  mode: 'wechat' | 'simulator';
  mchId: string;
  appId: string;
  package: string;
}
export interface SimulateTransferRequest {
  /** true: the leader confirms; false: the transfer is cancelled (money back to the balance). */
  accept: boolean;
}

/** GET /api/app/leader/commission → the leader's overview. */
export interface LeaderCommissionOverview {
  balance: CommissionBalance;
  minWithdrawFen: Fen;
  openWithdrawal: WithdrawalView | null;
  /** The rules in force (for "how is my commission computed"). */
  rules: Pick<CommissionRules, 'basis' | 'frozenDays'> & { myRateBps: BasisPoints; ruleSetVersion: number };
  /** Amounts up to this are paid without review. */
  autoApproveFen: Fen;
  /** Which payout methods the leader may choose. */
  methods: WithdrawalMethod[];
}

/** GET /api/app/leader/commission/withdrawals?page → Paged<WithdrawalView> (the leader's, newest first). */

/**
 * GET /api/admin/commission/statements/summary?period&date → every leader with entries in the period and
 * their totals (format=xlsx: the same as Excel). The grand total equals the sum of the rows.
 */
export interface StatementSummary {
  period: StatementPeriod;
  from: string;
  to: string;
  rows: Array<{
    leaderId: number;
    leaderName: string;
    orders: number;
    byType: Record<CommissionEntryType, Fen>;
    total: Fen;
  }>;
  total: Fen;
}

/**
 * POST /api/admin/commission/rule-sets/:id/simulate {from, to} (commission.read) → what the orders that
 * completed in [from, to) would have earned under this rule set, next to what they did earn: finance
 * sees what a draft costs before publishing it. Nothing is written.
 */
export interface RuleSetSimulationRequest {
  from: IsoDateTime;
  to: IsoDateTime;
}
export interface RuleSetSimulation {
  orders: number;
  leaders: number;
  /** Σ accruals and referrals as recorded. */
  recordedFen: Fen;
  /** Σ accruals and referrals under the simulated rule set. */
  simulatedFen: Fen;
  /** The leaders whose commission changes most (by absolute difference), at most 20. */
  biggestChanges: Array<{ leaderId: number; leaderName: string; recordedFen: Fen; simulatedFen: Fen }>;
  elapsedMs: number;
}

/**
 * Staff: GET /api/admin/commission/withdrawals?status&leaderId&page → Paged<WithdrawalView>
 * (commission.read); POST /:id/approve, POST /:id/reject {reason} (withdrawals.approve, audited);
 * POST /:id/mark-paid, POST /:id/mark-failed {reason} for bank payouts (withdrawals.approve);
 * POST /api/admin/commission/withdrawals/bank-batch → an Excel file of the approved bank withdrawals to pay
 * (they move to `paying`; 404-free: an empty batch is a sheet with no rows).
 */
export interface WithdrawalQuery extends PageQuery {
  status?: WithdrawalStatus;
  leaderId?: number;
}
export interface WithdrawalReviewRequest {
  reason: string;
}
