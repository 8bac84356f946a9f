import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  BUYER_ORDER_TABS,
  OrderStatus,
  type AdminOrderListQuery,
  type BuyerOrderListQuery,
  type BuyerOrderTab,
  type CancelOrderRequest,
  type ConfirmArrivalRequest,
  type CreateOrderRequest,
  type LeaderPickupQuery,
  type OrderLineInput,
  type OrderPreviewRequest,
  type PickupCodeRequest,
  type StaffOrderActionRequest,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OrderLineInputDto implements OrderLineInput {
  @ApiProperty({ description: '团购商品（活动商品）id' })
  @IsInt({ message: '商品 id 必须是整数' })
  @Min(1, { message: '商品 id 必须是正整数' })
  itemId!: number;

  @ApiProperty({ minimum: 1, maximum: 999, example: 2 })
  @IsInt({ message: '购买数量必须是整数' })
  @Min(1, { message: '购买数量至少为 1' })
  @Max(999, { message: '购买数量最多 999' })
  quantity!: number;
}

export class OrderPreviewRequestDto implements OrderPreviewRequest {
  @ApiProperty()
  @IsInt({ message: '活动 id 必须是整数' })
  @Min(1, { message: '活动 id 必须是正整数' })
  campaignId!: number;

  @ApiProperty({ type: [OrderLineInputDto], minItems: 1, maxItems: 50 })
  @IsArray({ message: '商品必须是数组' })
  @ArrayMinSize(1, { message: '请至少选择一件商品' })
  @ArrayMaxSize(50, { message: '一次最多 50 种商品' })
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  lines!: OrderLineInputDto[];
}

export class CreateOrderRequestDto extends OrderPreviewRequestDto implements CreateOrderRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: '给团长的备注' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString({ message: '备注必须是文本' })
  @MaxLength(100, { message: '备注最多 100 个字' })
  remark?: string | null;
}

export class CancelOrderRequestDto implements CancelOrderRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString({ message: '原因必须是文本' })
  @MaxLength(100, { message: '原因最多 100 个字' })
  reason?: string | null;
}

export class StaffOrderActionRequestDto implements StaffOrderActionRequest {
  @ApiProperty({ minLength: 2, maxLength: 100, example: '买家电话要求取消' })
  @Transform(trim)
  @IsString({ message: '请填写原因' })
  @Length(2, 100, { message: '原因需为 2–100 个字' })
  reason!: string;
}

export class BuyerOrderListQueryDto extends PageQueryDto implements BuyerOrderListQuery {
  @ApiPropertyOptional({ enum: Object.keys(BUYER_ORDER_TABS) })
  @IsOptional()
  @IsIn(Object.keys(BUYER_ORDER_TABS), { message: '订单分类不正确' })
  tab?: BuyerOrderTab;
}

export class AdminOrderListQueryDto extends PageQueryDto implements AdminOrderListQuery {
  @ApiPropertyOptional({ enum: Object.values(OrderStatus) })
  @IsOptional()
  @IsIn(Object.values(OrderStatus), { message: '订单状态不正确' })
  status?: OrderStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1, { message: '团长 id 必须是正整数' })
  leaderId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '活动 id 必须是整数' })
  @Min(1, { message: '活动 id 必须是正整数' })
  campaignId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '会员 id 必须是整数' })
  @Min(1, { message: '会员 id 必须是正整数' })
  memberId?: number;

  @ApiPropertyOptional({ description: '订单号（前缀）或买家手机号（前缀，至少 4 位）' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(32, { message: '关键词最长 32 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '开始时间格式不正确' })
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: '不含' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '结束时间格式不正确' })
  createdTo?: string;
}

export class LeaderPickupQueryDto extends PageQueryDto implements LeaderPickupQuery {
  @ApiPropertyOptional({
    enum: ['waiting', 'picked_up'],
    description: 'waiting：待提货（默认）；picked_up：已提货',
  })
  @IsOptional()
  @IsIn(['waiting', 'picked_up'], { message: '状态只能是 waiting 或 picked_up' })
  status?: 'waiting' | 'picked_up';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '活动 id 必须是整数' })
  @Min(1, { message: '活动 id 必须是正整数' })
  campaignId?: number;

  @ApiPropertyOptional({ description: '4 位数字：手机尾号；否则订单号前缀' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(24, { message: '关键词最长 24 个字符' })
  keyword?: string;
}

export class ConfirmArrivalRequestDto implements ConfirmArrivalRequest {
  @ApiProperty()
  @IsInt({ message: '活动 id 必须是整数' })
  @Min(1, { message: '活动 id 必须是正整数' })
  campaignId!: number;
}

export class PickupCodeRequestDto implements PickupCodeRequest {
  @ApiProperty({ description: '6 位提货码，或买家提货二维码的内容', example: '004211' })
  @IsString({ message: '请输入提货码' })
  @Length(1, 64, { message: '提货码格式不正确' })
  code!: string;
}
