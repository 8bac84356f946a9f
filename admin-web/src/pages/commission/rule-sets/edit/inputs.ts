import { LIMITS } from '../../rules-form';

/** InputNumber props of the editor: rates in percent with two decimals, money in 元. */
export const RATE_INPUT = {
  min: 0,
  max: LIMITS.maxRatePercent,
  precision: 2,
  step: 0.5,
  suffix: '%',
} as const;
export const BONUS_RATE_INPUT = { ...RATE_INPUT, max: LIMITS.maxBonusPercent } as const;
export const FIXED_YUAN_INPUT = {
  min: 0,
  max: LIMITS.maxFixedYuan,
  precision: 2,
  step: 0.5,
  prefix: '¥',
} as const;
export const THRESHOLD_YUAN_INPUT = {
  min: 0,
  max: 100_000_000,
  precision: 2,
  step: 1000,
  prefix: '¥',
} as const;

export const required = (message: string) => [{ required: true, message }];
