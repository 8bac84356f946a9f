import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  PRODUCT_STATUS_LABELS,
  type BundleComponentInput,
  type ProductInput,
  type ProductKind,
  type ProductStatus,
  type ProductStatusChange,
  type SkuInput,
  type SpecDimension,
} from '@linli/shared-types';
import { BUNDLE_COMPONENT_MAX_QUANTITY } from '../../domain/bundle-rules';
import { PRICE_MAX, QUANTITY_MAX } from '../../domain/sku-rules';

export const PRODUCT_KINDS: ProductKind[] = ['standard', 'bundle'];
export const PRODUCT_STATUSES = Object.keys(PRODUCT_STATUS_LABELS) as ProductStatus[];

/* Shapes only; lengths, uniqueness and the matrix are checked by the domain rules with Chinese messages. */

export class SpecDimensionDto implements SpecDimension {
  @ApiProperty({ example: '规格', maxLength: 8 })
  @IsString({ message: '规格名必须是文本' })
  @MaxLength(8, { message: '规格名需为 1–8 个字' })
  name!: string;

  @ApiProperty({ type: [String], example: ['5斤装', '10斤装'] })
  @IsArray({ message: '规格值必须是列表' })
  @ArrayMaxSize(20, { message: '每个规格最多 20 个规格值' })
  @IsString({ each: true, message: '规格值必须是文本' })
  @MaxLength(16, { each: true, message: '规格值需为 1–16 个字' })
  values!: string[];
}

export class SkuInputDto implements SkuInput {
  @ApiProperty({ type: [String], example: ['5斤装', '海南'], description: '每个规格维度一个值，按维度顺序' })
  @IsArray({ message: '规格值必须是列表' })
  @ArrayMaxSize(3, { message: '规格值最多 3 个' })
  @IsString({ each: true, message: '规格值必须是文本' })
  specValues!: string[];

  @ApiProperty({ description: '零售价（分）', example: 2990 })
  @IsInt({ message: '售价必须是整数（分）' })
  @Min(0, { message: '售价不能为负数' })
  @Max(PRICE_MAX, { message: '售价最高 100 万元' })
  price!: number;

  @ApiProperty({ description: '成本（分）', example: 1800 })
  @IsInt({ message: '成本必须是整数（分）' })
  @Min(0, { message: '成本不能为负数' })
  @Max(PRICE_MAX, { message: '成本最高 100 万元' })
  cost!: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32 })
  @IsOptional()
  @IsString({ message: '条码必须是文本' })
  @MaxLength(32, { message: '条码最多 32 个字符' })
  barcode?: string | null;

  @ApiPropertyOptional({ description: '重量（克）' })
  @IsOptional()
  @IsInt({ message: '重量必须是整数（克）' })
  @Min(0, { message: '重量不能为负数' })
  @Max(QUANTITY_MAX, { message: '重量最多 1000000 克' })
  weightGrams?: number;

  @ApiPropertyOptional({ description: '低库存阈值' })
  @IsOptional()
  @IsInt({ message: '低库存阈值必须是整数' })
  @Min(0, { message: '低库存阈值不能为负数' })
  @Max(QUANTITY_MAX, { message: '低库存阈值最多 1000000' })
  lowStockThreshold?: number;

  @ApiPropertyOptional({ description: '仅新建规格时读取：初始库存，记为「入库 初始库存」' })
  @IsOptional()
  @IsInt({ message: '初始库存必须是整数' })
  @Min(0, { message: '初始库存不能为负数' })
  @Max(QUANTITY_MAX, { message: '初始库存最多 1000000' })
  initialStock?: number;
}

export class BundleComponentInputDto implements BundleComponentInput {
  @ApiProperty()
  @IsInt({ message: '规格 id 必须是整数' })
  @Min(1, { message: '规格 id 必须是正整数' })
  skuId!: number;

  @ApiProperty({ minimum: 1, maximum: BUNDLE_COMPONENT_MAX_QUANTITY })
  @IsInt({ message: '数量必须是整数' })
  @Min(1, { message: `数量需为 1–${BUNDLE_COMPONENT_MAX_QUANTITY}` })
  @Max(BUNDLE_COMPONENT_MAX_QUANTITY, { message: `数量需为 1–${BUNDLE_COMPONENT_MAX_QUANTITY}` })
  quantity!: number;
}

export class ProductInputDto implements ProductInput {
  @ApiPropertyOptional({ enum: PRODUCT_KINDS, default: 'standard', description: '创建后不能修改' })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: '商品类型只能是 standard 或 bundle' })
  kind?: ProductKind;

  @ApiProperty({ maxLength: 60, example: '海南金钻凤梨' })
  @IsString({ message: '商品名称必须是文本' })
  @MaxLength(60, { message: '商品名称需为 1–60 个字' })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 60 })
  @IsOptional()
  @IsString({ message: '卖点必须是文本' })
  @MaxLength(60, { message: '卖点最多 60 个字' })
  subtitle?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString({ message: '商品描述必须是文本' })
  @MaxLength(2000, { message: '商品描述最多 2000 个字' })
  description?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: '分类 id 必须是整数' })
  @Min(1, { message: '分类 id 必须是正整数' })
  categoryId?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  @IsOptional()
  @IsInt({ message: '供应商 id 必须是整数' })
  @Min(1, { message: '供应商 id 必须是正整数' })
  supplierId?: number | null;

  @ApiPropertyOptional({ default: '份', maxLength: 8 })
  @IsOptional()
  @IsString({ message: '单位必须是文本' })
  @MaxLength(8, { message: '单位最多 8 个字' })
  unit?: string;

  @ApiProperty({
    type: [String],
    description: 'POST /api/admin/uploads 返回的 key，按展示顺序，第一张为封面',
  })
  @IsArray({ message: '图片必须是列表' })
  @ArrayMaxSize(9, { message: '最多 9 张图片' })
  @IsString({ each: true, message: '图片 key 必须是文本' })
  imageKeys!: string[];

  @ApiProperty({ type: [SpecDimensionDto] })
  @IsArray({ message: '规格维度必须是列表' })
  @ArrayMaxSize(3, { message: '规格维度最多 3 个' })
  @ValidateNested({ each: true })
  @Type(() => SpecDimensionDto)
  specDimensions!: SpecDimensionDto[];

  @ApiProperty({ type: [SkuInputDto], description: '每个规格组合一行' })
  @IsArray({ message: '规格列表必须是列表' })
  @ArrayMaxSize(200, { message: '规格组合最多 200 个' })
  @ValidateNested({ each: true })
  @Type(() => SkuInputDto)
  skus!: SkuInputDto[];

  @ApiPropertyOptional({ type: [BundleComponentInputDto], description: '仅组合套餐' })
  @IsOptional()
  @IsArray({ message: '组成商品必须是列表' })
  @ArrayMaxSize(20, { message: '组成商品最多 20 个' })
  @ValidateNested({ each: true })
  @Type(() => BundleComponentInputDto)
  components?: BundleComponentInputDto[];
}

export class ProductStatusChangeDto implements ProductStatusChange {
  @ApiProperty({ enum: PRODUCT_STATUSES })
  @IsIn(PRODUCT_STATUSES, { message: '状态只能是 draft、on_sale 或 off_sale' })
  status!: ProductStatus;
}
