import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  MOVEMENT_KIND_LABELS,
  type InventorySkuQuery,
  type InventorySkuView,
  type LowStockThresholdChange,
  type ManualMovementKind,
  type MovementKind,
  type Paged,
  type StockAdjustmentRequest,
  type StockAdjustmentResult,
  type StockMovementQuery,
  type StockMovementView,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';
import { ADJUST_QUANTITY_MAX, REASON_MAX, REQUEST_ID_MAX } from '../../domain/movement-rules';
import { THRESHOLD_MAX } from '../../inventory-admin.service';

const MANUAL_KINDS: ManualMovementKind[] = ['inbound', 'count', 'damage', 'return'];
const KINDS = Object.keys(MOVEMENT_KIND_LABELS) as MovementKind[];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const id = (what: string) => [
  IsOptional(),
  Type(() => Number),
  IsInt({ message: `${what} id 必须是整数` }),
  Min(1, { message: `${what} id 必须是正整数` }),
];
function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export class InventorySkuDto implements InventorySkuView {
  @ApiProperty() skuId!: number;
  @ApiProperty() productId!: number;
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) barcode!: string | null;
  @ApiProperty({ description: '可售库存' }) stock!: number;
  @ApiProperty({ description: '订单占用' }) reserved!: number;
  @ApiProperty() lowStockThreshold!: number;
  @ApiProperty() isLowStock!: boolean;
  @ApiProperty({ description: '成本 ×（可售 + 占用），分' }) stockValue!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class InventorySkuPageDto implements Paged<InventorySkuView> {
  @ApiProperty({ type: [InventorySkuDto] }) items!: InventorySkuDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class InventorySkuQueryDto extends PageQueryDto implements InventorySkuQuery {
  @ApiPropertyOptional({ description: '商品名称包含，或条码' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(64, { message: '关键词最长 64 个字符' })
  keyword?: string;

  @ApiPropertyOptional()
  @applyAll(id('分类'))
  categoryId?: number;

  @ApiPropertyOptional()
  @applyAll(id('供应商'))
  supplierId?: number;

  @ApiPropertyOptional({ description: 'true：只看低库存（库存 ≤ 阈值），库存少的在前' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'lowStock 只能是 true 或 false' })
  lowStock?: boolean;
}

export class StockMovementDto implements StockMovementView {
  @ApiProperty() id!: number;
  @ApiProperty() skuId!: number;
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty({ enum: KINDS }) kind!: MovementKind;
  @ApiProperty() stockDelta!: number;
  @ApiProperty() reservedDelta!: number;
  @ApiProperty() stockAfter!: number;
  @ApiProperty() reservedAfter!: number;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: Number, nullable: true }) orderId!: number | null;
  @ApiProperty({ enum: ['staff', 'member', 'system'] }) actorType!: string;
  @ApiProperty({ type: Number, nullable: true }) actorId!: number | null;
  @ApiProperty() actorName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StockMovementPageDto implements Paged<StockMovementView> {
  @ApiProperty({ type: [StockMovementDto] }) items!: StockMovementDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class StockMovementQueryDto extends PageQueryDto implements StockMovementQuery {
  @ApiPropertyOptional()
  @applyAll(id('规格'))
  skuId?: number;

  @ApiPropertyOptional()
  @applyAll(id('商品'))
  productId?: number;

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: '类型不正确' })
  kind?: MovementKind;

  @ApiPropertyOptional({ description: '起（含），ISO 8601' })
  @IsOptional()
  @IsDateString({}, { message: '起始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ description: '止（不含），ISO 8601' })
  @IsOptional()
  @IsDateString({}, { message: '结束时间格式不正确' })
  to?: string;
}

export class StockAdjustmentRequestDto implements StockAdjustmentRequest {
  @ApiProperty()
  @IsInt({ message: '规格 id 必须是整数' })
  @Min(1, { message: '规格 id 必须是正整数' })
  skuId!: number;

  @ApiProperty({
    enum: MANUAL_KINDS,
    description: 'inbound 入库 / count 盘点 / damage 报损 / return 退货入库',
  })
  @IsIn(MANUAL_KINDS, { message: '类型只能是 inbound、count、damage 或 return' })
  kind!: ManualMovementKind;

  @ApiProperty({
    description: '入库/报损/退货：数量 ≥ 1；盘点：盘点后的可售库存 ≥ 0',
    maximum: ADJUST_QUANTITY_MAX,
  })
  @IsInt({ message: '数量必须是整数' })
  @Min(0, { message: '数量不能为负数' })
  @Max(ADJUST_QUANTITY_MAX, { message: `数量最多 ${ADJUST_QUANTITY_MAX}` })
  quantity!: number;

  @ApiProperty({ minLength: 1, maxLength: REASON_MAX })
  @IsString({ message: '原因必须是文本' })
  @MaxLength(REASON_MAX, { message: `原因需为 1–${REASON_MAX} 个字` })
  reason!: string;

  @ApiPropertyOptional({ maxLength: REQUEST_ID_MAX, description: '重试时传同一个值，返回第一次的结果' })
  @IsOptional()
  @IsString({ message: 'requestId 必须是文本' })
  @MaxLength(REQUEST_ID_MAX, { message: `requestId 最长 ${REQUEST_ID_MAX} 个字符` })
  requestId?: string;
}

export class StockAdjustmentResultDto implements StockAdjustmentResult {
  @ApiProperty({ type: StockMovementDto }) movement!: StockMovementDto;
  @ApiProperty({ type: InventorySkuDto }) sku!: InventorySkuDto;
}

export class LowStockThresholdChangeDto implements LowStockThresholdChange {
  @ApiProperty({ minimum: 0, maximum: THRESHOLD_MAX })
  @IsInt({ message: '低库存阈值必须是整数' })
  @Min(0, { message: '低库存阈值不能为负数' })
  @Max(THRESHOLD_MAX, { message: `低库存阈值最多 ${THRESHOLD_MAX}` })
  lowStockThreshold!: number;
}
