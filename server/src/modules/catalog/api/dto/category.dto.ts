import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min, ValidateIf } from 'class-validator';
import type { CategoryInput, CategoryView } from '@linli/shared-types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CategoryDto implements CategoryView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '水果' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null：一级分类' }) parentId!: number | null;
  @ApiProperty({ description: '越小越靠前' }) sortOrder!: number;
  @ApiProperty({ description: '直接挂在该分类下的商品数' }) productCount!: number;
}

export class CategoryInputDto implements CategoryInput {
  @ApiProperty({ minLength: 1, maxLength: 16, example: '热带水果' })
  @Transform(trim)
  @IsString({ message: '分类名称必须是文本' })
  @Length(1, 16, { message: '分类名称需为 1–16 个字' })
  name!: string;

  @ApiProperty({ type: Number, nullable: true, description: '上级（一级）分类 id；null 为一级分类' })
  @ValidateIf((_, value) => value !== null)
  @IsInt({ message: '上级分类 id 必须是整数' })
  @Min(1, { message: '上级分类 id 必须是正整数' })
  parentId!: number | null;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @IsInt({ message: '排序必须是整数' })
  @Min(0, { message: '排序不能为负数' })
  @Max(9999, { message: '排序最大为 9999' })
  sortOrder?: number;
}
