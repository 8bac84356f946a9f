import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { PageQuery } from '@linli/shared-types';

/** Deep pages are never useful to a person and cost the database a long scan; filters narrow instead. */
export const MAX_PAGE = 10_000;
export const MAX_PAGE_SIZE = 100;

/** `page` / `pageSize` of every paged list; list query DTOs extend it. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码从 1 开始' })
  @Max(MAX_PAGE, { message: `页码最大为 ${MAX_PAGE}，请用筛选条件缩小范围` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条` })
  pageSize?: number;
}
