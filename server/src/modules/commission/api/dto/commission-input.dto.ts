import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  CommissionAdjustmentRequest,
  CommissionEntryQuery,
  CommissionEntryStatus,
  CommissionEntryType,
  CommissionPreviewRequest,
  CommissionRules,
  PublishRuleSetRequest,
  RuleSetInput,
  RuleSetSimulationRequest,
  SimulateTransferRequest,
  StatementPeriod,
  WithdrawalMethod,
  WithdrawalQuery,
  WithdrawalRequest,
  WithdrawalReviewRequest,
  WithdrawalStatus,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ENTRY_TYPES: CommissionEntryType[] = [
  'accrual',
  'reversal',
  'tier_bonus',
  'referral',
  'recruitment_reward',
  'adjustment',
  'withdrawal',
];
const ENTRY_STATUSES: CommissionEntryStatus[] = ['frozen', 'available', 'settled'];
const WITHDRAWAL_STATUSES: WithdrawalStatus[] = [
  'reviewing',
  'approved',
  'paying',
  'paid',
  'rejected',
  'failed',
];
const PERIODS: StatementPeriod[] = ['day', 'week', 'month'];
const REQUEST_ID = /^[0-9A-Za-z_-]{8,64}$/;

export class RuleSetInputDto implements RuleSetInput {
  @ApiProperty({ maxLength: 40, example: '2027 春季方案' })
  @Transform(trim)
  @IsString({ message: '方案名称必须是文字' })
  @Length(1, 40, { message: '方案名称须为 1–40 个字符' })
  name!: string;

  @ApiProperty({
    description: 'CommissionRules（见 shared-types/src/commission.ts）；逐项校验，错误按字段返回',
  })
  @IsObject({ message: '佣金规则格式不正确' })
  rules!: CommissionRules;
}

export class PublishRuleSetRequestDto implements PublishRuleSetRequest {
  @ApiProperty({ description: '生效时间（ISO 8601），不早于现在' })
  @IsDateString({}, { message: '生效时间格式不正确' })
  effectiveFrom!: string;
}

export class PreviewLineDto {
  @ApiProperty()
  @IsInt({ message: 'SKU id 必须是整数' })
  @Min(1, { message: 'SKU id 必须是正整数' })
  skuId!: number;
  @ApiProperty({ minimum: 1, maximum: 9999 })
  @IsInt({ message: '数量必须是整数' })
  @Min(1, { message: '数量至少为 1' })
  @Max(9999, { message: '数量最多 9999' })
  quantity!: number;
  @ApiProperty({ description: '单价（分）' })
  @IsInt({ message: '单价必须是整数分' })
  @Min(0, { message: '单价不能为负' })
  @Max(100_000_000, { message: '单价过大' })
  unitPrice!: number;
}

export class CommissionPreviewRequestDto implements CommissionPreviewRequest {
  @ApiProperty() @IsObject({ message: '佣金规则格式不正确' }) rules!: CommissionRules;
  @ApiProperty()
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1, { message: '请选择团长' })
  leaderId!: number;
  @ApiProperty({ type: [PreviewLineDto] })
  @IsArray({ message: '商品必须是数组' })
  @ArrayMinSize(1, { message: '请至少添加一个商品' })
  @ArrayMaxSize(50, { message: '最多 50 个商品' })
  @ValidateNested({ each: true })
  @Type(() => PreviewLineDto)
  lines!: PreviewLineDto[];
  @ApiPropertyOptional({ description: '本月已完成销售额（分），默认取该团长当前数据' })
  @IsOptional()
  @IsInt({ message: '本月销售额必须是整数分' })
  @Min(0, { message: '本月销售额不能为负' })
  monthGmvFen?: number;
}

export class RuleSetSimulationRequestDto implements RuleSetSimulationRequest {
  @ApiProperty() @IsDateString({}, { message: '开始时间格式不正确' }) from!: string;
  @ApiProperty() @IsDateString({}, { message: '结束时间格式不正确' }) to!: string;
}

export class CommissionEntryQueryDto extends PageQueryDto implements CommissionEntryQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '团长 id 必须是整数' })
  leaderId?: number;
  @ApiPropertyOptional({ enum: ENTRY_TYPES })
  @IsOptional()
  @IsIn(ENTRY_TYPES, { message: '流水类型不正确' })
  type?: CommissionEntryType;
  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @IsOptional()
  @IsIn(ENTRY_STATUSES, { message: '状态不正确' })
  status?: CommissionEntryStatus;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(24, { message: '订单号最多 24 位' })
  orderNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({}, { message: '开始时间格式不正确' }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({}, { message: '结束时间格式不正确' }) to?: string;
}

export class LeaderCommissionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '团长姓名、手机号、邀请码或自提点名称' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40, { message: '关键词最多 40 个字' })
  keyword?: string;
}

export class CommissionAdjustmentRequestDto implements CommissionAdjustmentRequest {
  @ApiProperty()
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1, { message: '请选择团长' })
  leaderId!: number;
  @ApiProperty({ description: '分，可正可负，不能为 0' })
  @IsInt({ message: '调整金额必须是整数分' })
  @Min(-10_000_000, { message: '单笔调整不超过 ¥100,000.00' })
  @Max(10_000_000, { message: '单笔调整不超过 ¥100,000.00' })
  amount!: number;
  @ApiProperty({ minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(2, 100, { message: '调整原因须为 2–100 个字' })
  reason!: string;
  @ApiProperty({ description: '幂等键：同一次提交重试时不变' })
  @Matches(REQUEST_ID, { message: '请求编号须为 8–64 位字母、数字、- 或 _' })
  requestId!: string;
}

export class StatementQueryDto {
  @ApiProperty({ enum: PERIODS })
  @IsIn(PERIODS, { message: '对账周期只能是 day、week 或 month' })
  period!: StatementPeriod;
  @ApiPropertyOptional({ description: '周期内任意一天 YYYY-MM-DD（上海时间），默认今天' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  date?: string;
  @ApiPropertyOptional({ enum: ['json', 'xlsx'] })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: '格式只能是 json 或 xlsx' })
  format?: 'json' | 'xlsx';
}

export class LeaderStatementQueryDto extends StatementQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt({ message: '请选择团长' })
  @Min(1, { message: '请选择团长' })
  leaderId!: number;
}

export class BankAccountDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 32, { message: '请填写 2–32 个字的开户名' })
  holder!: string;
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 40, { message: '请填写开户银行（含支行）' })
  bankName!: string;
  @ApiProperty() @IsString() @MaxLength(40, { message: '银行卡号过长' }) accountNo!: string;
}

export class WithdrawalRequestDto implements WithdrawalRequest {
  @ApiProperty({ description: '分' }) @IsInt({ message: '提现金额必须是整数分' }) amount!: number;
  @ApiProperty({ enum: ['wechat', 'bank'] })
  @IsIn(['wechat', 'bank'], { message: '请选择微信零钱或银行卡' })
  method!: WithdrawalMethod;
  @ApiPropertyOptional({ type: BankAccountDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BankAccountDto)
  bankAccount?: BankAccountDto | null;
  @ApiProperty({ description: '幂等键：同一次提交重试时不变' })
  @Matches(REQUEST_ID, { message: '请求编号须为 8–64 位字母、数字、- 或 _' })
  requestId!: string;
}

export class WithdrawalQueryDto extends PageQueryDto implements WithdrawalQuery {
  @ApiPropertyOptional({ enum: WITHDRAWAL_STATUSES })
  @IsOptional()
  @IsIn(WITHDRAWAL_STATUSES, { message: '提现状态不正确' })
  status?: WithdrawalStatus;
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '团长 id 必须是整数' })
  leaderId?: number;
}

export class WithdrawalReviewRequestDto implements WithdrawalReviewRequest {
  @ApiProperty({ minLength: 2, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(2, 100, { message: '原因须为 2–100 个字' })
  reason!: string;
}

export class SimulateTransferRequestDto implements SimulateTransferRequest {
  @ApiProperty() @IsBoolean({ message: 'accept 必须是 true 或 false' }) accept!: boolean;
}
