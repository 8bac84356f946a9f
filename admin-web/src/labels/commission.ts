import type {
  CommissionEntryStatus,
  CommissionEntryType,
  CommissionOverride,
  ReferralRule,
  RuleSetStatus,
  StatementPeriod,
  TierBonusRule,
  WithdrawalMethod,
  WithdrawalStatus,
} from '@linli/shared-types';

/** Display words of the commission screens that shared-types leaves to the client. */
export const RULE_SET_STATUS_LABELS: Record<RuleSetStatus, string> = {
  draft: '草稿',
  published: '已发布',
};

export const WITHDRAWAL_METHOD_LABELS: Record<WithdrawalMethod, string> = {
  wechat: '微信零钱',
  bank: '银行卡',
};

export const STATEMENT_PERIOD_LABELS: Record<StatementPeriod, string> = {
  day: '日',
  week: '周',
  month: '月',
};

export const TIER_MODE_LABELS: Record<TierBonusRule['mode'], string> = {
  whole_month: '整月',
  marginal: '分段',
};

export const TIER_MODE_HINTS: Record<TierBonusRule['mode'], string> = {
  whole_month: '达到的最高一档的奖励比例，按整月GMV计算',
  marginal: '每档比例只计入该档门槛到下一档门槛之间的GMV',
};

export const REFERRAL_BASE_LABELS: Record<ReferralRule['base'], string> = {
  commission: '下级佣金',
  gmv: '下级销售额',
};

export const OVERRIDE_TARGET_LABELS: Record<CommissionOverride['targetKind'], string> = {
  product: '商品',
  category: '分类',
};

export const OVERRIDE_MODE_LABELS: Record<CommissionOverride['mode'], string> = {
  rate: '按比例',
  fixed: '固定金额',
};

/** Tag colours: money in is green/blue, money back or out warm, manual purple. */
export const ENTRY_TYPE_COLORS: Record<CommissionEntryType, string> = {
  accrual: 'green',
  reversal: 'orange',
  tier_bonus: 'cyan',
  referral: 'blue',
  recruitment_reward: 'geekblue',
  adjustment: 'purple',
  withdrawal: 'default',
};

export const ENTRY_STATUS_COLORS: Record<CommissionEntryStatus, string> = {
  frozen: 'warning',
  available: 'success',
  settled: 'default',
};

/** Warm colours wait on finance, blue on the payout, green is done, red failed, grey refused. */
export const WITHDRAWAL_STATUS_COLORS: Record<WithdrawalStatus, string> = {
  reviewing: 'gold',
  approved: 'blue',
  paying: 'processing',
  paid: 'success',
  rejected: 'default',
  failed: 'error',
};
