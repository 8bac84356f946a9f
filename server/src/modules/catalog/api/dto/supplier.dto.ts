import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  SUPPLIER_SETTLEMENT_LABELS,
  type Paged,
  type SupplierInput,
  type SupplierSettlement,
  type SupplierStatus,
  type SupplierView,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const SETTLEMENTS = Object.keys(SUPPLIER_SETTLEMENT_LABELS) as SupplierSettlement[];
const STATUSES: SupplierStatus[] = ['active', 'disabled'];

export class SupplierDto implements SupplierView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '海南万宁果园合作社' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) contactName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ enum: SETTLEMENTS }) settlement!: SupplierSettlement;
  @ApiProperty({ type: String, nullable: true }) settlementNote!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: SupplierStatus;
  @ApiProperty() productCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class SupplierPageDto implements Paged<SupplierView> {
  @ApiProperty({ type: [SupplierDto] }) items!: SupplierDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class SupplierListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '名称、联系人或电话包含' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(64, { message: '关键词最长 64 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态只能是 active 或 disabled' })
  status?: SupplierStatus;
}

const optionalText = (max: number, what: string) => [
  IsOptional(),
  Transform(trim),
  IsString({ message: `${what}必须是文本` }),
  MaxLength(max, { message: `${what}最长 ${max} 个字` }),
];

function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}

export class SupplierInputDto implements SupplierInput {
  @ApiProperty({ minLength: 1, maxLength: 64 })
  @Transform(trim)
  @IsString({ message: '供应商名称必须是文本' })
  @Length(1, 64, { message: '供应商名称需为 1–64 个字' })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 32 })
  @applyAll(optionalText(32, '联系人'))
  contactName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20 })
  @applyAll(optionalText(20, '联系电话'))
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @applyAll(optionalText(200, '地址'))
  address?: string | null;

  @ApiProperty({ enum: SETTLEMENTS })
  @IsIn(SETTLEMENTS, { message: '请选择结算方式' })
  settlement!: SupplierSettlement;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @applyAll(optionalText(500, '结算说明'))
  settlementNote?: string | null;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态只能是 active 或 disabled' })
  status?: SupplierStatus;
}
