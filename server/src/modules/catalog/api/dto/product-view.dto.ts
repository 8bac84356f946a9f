import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type {
  BundleComponentView,
  Paged,
  ProductDetail,
  ProductImageView,
  ProductKind,
  ProductListItem,
  ProductListQuery,
  ProductStatus,
  SkuPickerItem,
  SkuView,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';
import { PRODUCT_KINDS, PRODUCT_STATUSES, SpecDimensionDto } from './product-input.dto';

export class ProductImageDto implements ProductImageView {
  @ApiProperty() key!: string;
  @ApiProperty() url!: string;
}

export class SkuDto implements SkuView {
  @ApiProperty() id!: number;
  @ApiProperty() productId!: number;
  @ApiProperty({ type: [String] }) specValues!: string[];
  @ApiProperty({ example: '5斤装 / 海南' }) specText!: string;
  @ApiProperty({ description: '分' }) price!: number;
  @ApiProperty({ description: '分' }) cost!: number;
  @ApiProperty({ type: String, nullable: true }) barcode!: string | null;
  @ApiProperty() weightGrams!: number;
  @ApiProperty({ description: '可售库存；组合套餐为组成商品可组成的套数' }) stock!: number;
  @ApiProperty() reserved!: number;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: 'active' | 'disabled';
}

export class BundleComponentDto implements BundleComponentView {
  @ApiProperty() skuId!: number;
  @ApiProperty() productId!: number;
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty() stock!: number;
}

export class ProductDetailDto implements ProductDetail {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind!: ProductKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) subtitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: Number, nullable: true }) categoryId!: number | null;
  @ApiProperty({ type: String, nullable: true }) categoryName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) supplierId!: number | null;
  @ApiProperty({ type: String, nullable: true }) supplierName!: string | null;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status!: ProductStatus;
  @ApiProperty({ type: [ProductImageDto] }) images!: ProductImageDto[];
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ type: [SpecDimensionDto] }) specDimensions!: SpecDimensionDto[];
  @ApiProperty({ type: [SkuDto] }) skus!: SkuDto[];
  @ApiProperty({ type: [BundleComponentDto] }) components!: BundleComponentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProductListItemDto implements ProductListItem {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: PRODUCT_KINDS }) kind!: ProductKind;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) categoryName!: string | null;
  @ApiProperty({ type: String, nullable: true }) supplierName!: string | null;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status!: ProductStatus;
  @ApiProperty() skuCount!: number;
  @ApiProperty() minPrice!: number;
  @ApiProperty() maxPrice!: number;
  @ApiProperty() totalStock!: number;
  @ApiProperty() lowStockSkuCount!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProductPageDto implements Paged<ProductListItem> {
  @ApiProperty({ type: [ProductListItemDto] }) items!: ProductListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

const toId = [
  IsOptional(),
  Type(() => Number),
  IsInt({ message: 'id 必须是整数' }),
  Min(1, { message: 'id 必须是正整数' }),
];
function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export class ProductListQueryDto extends PageQueryDto implements ProductListQuery {
  @ApiPropertyOptional({ description: '名称包含，或条码' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(64, { message: '关键词最长 64 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ description: '分类（含其子分类）' })
  @applyAll(toId)
  categoryId?: number;

  @ApiPropertyOptional()
  @applyAll(toId)
  supplierId?: number;

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES, { message: '状态只能是 draft、on_sale 或 off_sale' })
  status?: ProductStatus;

  @ApiPropertyOptional({ enum: PRODUCT_KINDS })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: '商品类型只能是 standard 或 bundle' })
  kind?: ProductKind;
}

export class SkuPickerQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '商品名称包含，或条码' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(64, { message: '关键词最长 64 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ enum: PRODUCT_KINDS, description: '只看普通商品（选组合套餐的组成商品时）' })
  @IsOptional()
  @IsIn(PRODUCT_KINDS, { message: '商品类型只能是 standard 或 bundle' })
  kind?: ProductKind;
}

export class SkuPickerItemDto implements SkuPickerItem {
  @ApiProperty() skuId!: number;
  @ApiProperty() productId!: number;
  @ApiProperty() productName!: string;
  @ApiProperty({ enum: PRODUCT_KINDS }) productKind!: ProductKind;
  @ApiProperty({ enum: PRODUCT_STATUSES }) productStatus!: ProductStatus;
  @ApiProperty() specText!: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty() price!: number;
  @ApiProperty() cost!: number;
  @ApiProperty() stock!: number;
}

export class SkuPickerPageDto implements Paged<SkuPickerItem> {
  @ApiProperty({ type: [SkuPickerItemDto] }) items!: SkuPickerItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
