import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
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
  AdjustPurchaseListRequest,
  DeliveryRouteInput,
  FulfillmentWaveQuery,
  ReceivePurchaseListRequest,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const QUANTITY_MAX = 1_000_000;

export class FulfillmentWaveQueryDto extends PageQueryDto implements FulfillmentWaveQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '活动编号必须是整数' })
  @Min(1, { message: '活动编号必须是正整数' })
  campaignId?: number;
}

/** `?format=xlsx` downloads the Excel file of a list instead of its JSON. */
export class ExportFormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'] })
  @IsOptional()
  @IsIn(['json', 'xlsx'], { message: '格式只能是 json 或 xlsx' })
  format?: 'json' | 'xlsx';
}

export class SkuQuantityDto {
  @ApiProperty()
  @IsInt({ message: '商品规格编号必须是整数' })
  @Min(1, { message: '商品规格编号必须是正整数' })
  skuId!: number;

  @ApiProperty({ minimum: 0, maximum: QUANTITY_MAX })
  @IsInt({ message: '数量必须是整数' })
  @Min(0, { message: '数量不能小于 0' })
  @Max(QUANTITY_MAX, { message: `数量最多 ${QUANTITY_MAX}` })
  quantity!: number;
}

export class AdjustPurchaseListRequestDto implements AdjustPurchaseListRequest {
  @ApiProperty({ type: [SkuQuantityDto] })
  @IsArray({ message: '请提供要修改的商品' })
  @ArrayMinSize(1, { message: '请至少修改一个商品' })
  @ArrayMaxSize(500, { message: '一次最多修改 500 个商品' })
  @ValidateNested({ each: true })
  @Type(() => SkuQuantityDto)
  lines!: SkuQuantityDto[];
}

export class ReceivePurchaseListRequestDto implements ReceivePurchaseListRequest {
  @ApiPropertyOptional({ type: [SkuQuantityDto] })
  @IsOptional()
  @IsArray({ message: '实收数量格式不正确' })
  @ArrayMaxSize(500, { message: '一次最多 500 个商品' })
  @ValidateNested({ each: true })
  @Type(() => SkuQuantityDto)
  lines?: SkuQuantityDto[];
}

export class DeliveryRouteInputDto implements DeliveryRouteInput {
  @ApiProperty({ maxLength: 32 })
  @Transform(trim)
  @IsString({ message: '请填写线路名称' })
  @Length(1, 32, { message: '线路名称需为 1–32 个字' })
  name!: string;

  @ApiProperty({ maxLength: 32 })
  @Transform(trim)
  @IsString({ message: '请填写司机姓名' })
  @Length(1, 32, { message: '司机姓名需为 1–32 个字' })
  driverName!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString({ message: '请填写司机手机号' })
  @Matches(/^1\d{10}$/, { message: '司机手机号需为 11 位手机号' })
  driverPhone!: string;

  @ApiPropertyOptional({ maxLength: 32, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '车辆信息格式不正确' })
  @MaxLength(32, { message: '车辆信息最多 32 个字' })
  vehicle?: string | null;

  @ApiPropertyOptional({ maxLength: 200, nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '备注格式不正确' })
  @MaxLength(200, { message: '备注最多 200 个字' })
  note?: string | null;

  @ApiProperty({ type: [Number], description: '团长编号（其自提点），按配送顺序' })
  @IsArray({ message: '请提供自提点' })
  @ArrayMinSize(1, { message: '至少需要一个自提点' })
  @ArrayMaxSize(200, { message: '一条线路最多 200 个自提点' })
  @IsInt({ each: true, message: '自提点编号必须是整数' })
  @Min(1, { each: true, message: '自提点编号必须是正整数' })
  stops!: number[];
}
