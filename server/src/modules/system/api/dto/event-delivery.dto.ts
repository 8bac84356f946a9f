import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type {
  FailedEventDelivery,
  Paged,
  RetryEventDeliveryRequest,
  RetryEventDeliveryResponse,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

export class FailedEventDeliveryQueryDto extends PageQueryDto {}

export class FailedEventDeliveryDto implements FailedEventDelivery {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'orders.paid' }) eventType!: string | null;
  @ApiProperty({ example: 'commission.accrueOnPaid' }) handlerName!: string;
  @ApiProperty({ description: '已尝试次数' }) attempts!: number;
  @ApiProperty({ description: '最后一次错误（最多 500 个字符）' }) lastError!: string;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) eventOccurredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '事件关联对象的 ID，如订单 ID' })
  aggregateId!: string | null;
}

export class FailedEventDeliveryPageDto implements Paged<FailedEventDelivery> {
  @ApiProperty({ type: [FailedEventDeliveryDto] }) items!: FailedEventDeliveryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RetryEventDeliveryRequestDto implements RetryEventDeliveryRequest {
  @ApiProperty({ example: 'commission.accrueOnPaid', maxLength: 150 })
  @IsString({ message: '处理器名称必须是文本' })
  @IsNotEmpty({ message: '请指定处理器名称' })
  @MaxLength(150, { message: '处理器名称最长 150 个字符' })
  handlerName!: string;
}

export class RetryEventDeliveryResponseDto implements RetryEventDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() handlerName!: string;
  @ApiProperty({ enum: ['requeued'], description: '已重新排队，将按正常重试次数再次投递' })
  status!: 'requeued';
  @ApiProperty({ description: '重试后仍待处理的失败投递数' }) remainingFailed!: number;
}
