import { PageQueryDto } from '../../../../platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { AuditLogEntry, AuditLogQuery, Paged } from '@linli/shared-types';

export class AuditLogQueryDto extends PageQueryDto implements AuditLogQuery {
  @ApiPropertyOptional({ description: '操作人（员工）ID' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '操作人 ID 必须是整数' })
  @Min(1, { message: '操作人 ID 必须大于 0' })
  actorId?: number;

  @ApiPropertyOptional({ example: 'staff.create' })
  @IsOptional()
  @IsString({ message: '操作类型必须是文本' })
  @MaxLength(64, { message: '操作类型最长 64 个字符' })
  action?: string;

  @ApiPropertyOptional({ example: 'staff' })
  @IsOptional()
  @IsString({ message: '对象类型必须是文本' })
  @MaxLength(64, { message: '对象类型最长 64 个字符' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '对象 ID 必须是文本' })
  @MaxLength(64, { message: '对象 ID 最长 64 个字符' })
  entityId?: string;

  @ApiPropertyOptional({ description: '起始时间（含），ISO 8601' })
  @IsOptional()
  @IsDateString({}, { message: '起始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ description: '结束时间（含），ISO 8601' })
  @IsOptional()
  @IsDateString({}, { message: '结束时间格式不正确' })
  to?: string;
}

export class AuditLogEntryDto implements AuditLogEntry {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['staff', 'system'] }) actorType!: 'staff' | 'system';
  @ApiProperty({ type: Number, nullable: true }) actorId!: number | null;
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ example: 'staff.create' }) action!: string;
  @ApiProperty({ example: 'staff' }) entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AuditLogPageDto implements Paged<AuditLogEntry> {
  @ApiProperty({ type: [AuditLogEntryDto] }) items!: AuditLogEntryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
