import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ComponentStatus, HealthResponse } from '@linli/shared-types';

const COMPONENT_STATUS = ['up', 'down', 'not_configured'];

class DatabaseHealthDto {
  @ApiProperty({ enum: COMPONENT_STATUS }) status!: ComponentStatus;
  @ApiProperty({ enum: ['better-sqlite3', 'mysql'] }) driver!: 'better-sqlite3' | 'mysql';
  @ApiPropertyOptional() latencyMs?: number;
}

class RedisHealthDto {
  @ApiProperty({ enum: COMPONENT_STATUS }) status!: ComponentStatus;
  @ApiPropertyOptional() latencyMs?: number;
}

class QueueHealthDto {
  @ApiProperty({ enum: COMPONENT_STATUS }) status!: ComponentStatus;
  @ApiProperty({ enum: ['in-process', 'bull'] }) adapter!: 'in-process' | 'bull';
  @ApiPropertyOptional({ description: '等待或延迟中的任务数' }) waiting?: number;
  @ApiPropertyOptional() failed?: number;
  @ApiPropertyOptional({ description: '已写入但尚未投递到队列的 outbox 事件数' }) outboxPending?: number;
  @ApiPropertyOptional({ description: '重试用尽、等待人工处理的事件投递数' }) outboxFailed?: number;
}

export class HealthResponseDto implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'degraded', 'down'] }) status!: 'ok' | 'degraded' | 'down';
  @ApiProperty({ example: '0.1.0' }) version!: string;
  @ApiProperty({ enum: ['embedded', 'services'] }) mode!: 'embedded' | 'services';
  @ApiProperty() uptimeSeconds!: number;
  @ApiProperty({ format: 'date-time' }) time!: string;
  @ApiProperty({ type: DatabaseHealthDto }) database!: DatabaseHealthDto;
  @ApiProperty({ type: RedisHealthDto }) redis!: RedisHealthDto;
  @ApiProperty({ type: QueueHealthDto }) queue!: QueueHealthDto;
}
