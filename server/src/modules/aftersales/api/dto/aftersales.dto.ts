import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type {
  AfterSalesListQuery,
  AfterSalesReason,
  AfterSalesSettingsInput,
  AfterSalesStatus,
  ApproveAfterSalesRequest,
  CreateAfterSalesRequest,
  RejectAfterSalesRequest,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const REASONS: AfterSalesReason[] = ['quality', 'wrong_item', 'missing', 'not_wanted', 'other'];
const STATUSES: AfterSalesStatus[] = ['pending', 'approved', 'rejected'];

export class AfterSalesLineInputDto {
  @ApiProperty({ description: '订单商品行 id' })
  @IsInt({ message: '商品行 id 必须是整数' })
  @Min(1, { message: '商品行 id 必须是正整数' })
  orderLineId!: number;

  @ApiProperty({ minimum: 1, maximum: 999 })
  @IsInt({ message: '退款数量必须是整数' })
  @Min(1, { message: '退款数量至少为 1' })
  @Max(999, { message: '退款数量最多 999' })
  quantity!: number;
}

export class CreateAfterSalesRequestDto implements CreateAfterSalesRequest {
  @ApiProperty({ minLength: 8, maxLength: 64, description: '幂等键：重试时沿用' })
  @IsString({ message: '请求编号必须是文本' })
  @Matches(/^[A-Za-z0-9:_-]{8,64}$/, { message: '请求编号须为 8–64 位字母、数字或 -_:' })
  requestId!: string;

  @ApiProperty({ enum: REASONS })
  @IsIn(REASONS, { message: '请选择售后原因' })
  reason!: AfterSalesReason;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString({ message: '问题描述必须是文本' })
  @MaxLength(200, { message: '问题描述最多 200 个字' })
  description?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 9,
    description: 'POST /api/app/uploads/images 返回的 key',
  })
  @IsOptional()
  @IsArray({ message: '照片必须是数组' })
  @ArrayMaxSize(9, { message: '最多 9 张照片' })
  @IsString({ each: true, message: '照片 key 必须是文本' })
  @Matches(/^[A-Za-z0-9/_.-]{1,200}$/, { each: true, message: '照片 key 格式不正确' })
  photoKeys?: string[];

  @ApiPropertyOptional({ type: [AfterSalesLineInputDto], maxItems: 50, description: '不传或为空：整单退款' })
  @IsOptional()
  @IsArray({ message: '退款商品必须是数组' })
  @ArrayMaxSize(50, { message: '最多 50 个商品行' })
  @ValidateNested({ each: true })
  @Type(() => AfterSalesLineInputDto)
  lines?: AfterSalesLineInputDto[];
}

export class ApproveAfterSalesRequestDto implements ApproveAfterSalesRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString({ message: '备注必须是文本' })
  @MaxLength(200, { message: '备注最多 200 个字' })
  note?: string | null;
}

export class RejectAfterSalesRequestDto implements RejectAfterSalesRequest {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString({ message: '请填写拒绝原因' })
  @MinLength(1, { message: '请填写拒绝原因' })
  @MaxLength(200, { message: '拒绝原因最多 200 个字' })
  reason!: string;
}

export class AfterSalesListQueryDto extends PageQueryDto implements AfterSalesListQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态不正确' })
  status?: AfterSalesStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(32)
  orderNo?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1)
  leaderId?: number;
}

export class AfterSalesSettingsInputDto implements AfterSalesSettingsInput {
  @ApiProperty({ description: '小额自动同意的上限（分），0 = 关闭' })
  @IsInt({ message: '金额必须是整数（分）' })
  @Min(0, { message: '金额不能为负' })
  @Max(100_000_000, { message: '金额过大' })
  autoApproveMaxFen!: number;

  @ApiProperty({ description: '超过多少小时无人处理自动同意，0 = 关闭' })
  @IsInt({ message: '小时数必须是整数' })
  @Min(0, { message: '小时数不能为负' })
  @Max(720, { message: '小时数最多 720' })
  autoApproveAfterHours!: number;
}
