import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FailedEventDelivery, Paged, RetryEventDeliveryResponse } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { RequirePermissions } from '../../identity';
import { EventDeliveriesService } from '../event-deliveries.service';
import {
  FailedEventDeliveryPageDto,
  FailedEventDeliveryQueryDto,
  RetryEventDeliveryRequestDto,
  RetryEventDeliveryResponseDto,
} from './dto/event-delivery.dto';

@ApiTags('admin: 系统运维')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/system/event-deliveries')
export class AdminEventDeliveriesController {
  constructor(private readonly deliveries: EventDeliveriesService) {}

  /** Deliveries that used up their retries, newest first. */
  @Get()
  @RequirePermissions('system.manage')
  @ApiOkResponse({ type: FailedEventDeliveryPageDto })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: FailedEventDeliveryQueryDto,
  ): Promise<Paged<FailedEventDelivery>> {
    return this.deliveries.listFailed(ctx, query);
  }

  /** Queues one failed delivery again with a fresh set of attempts (after its cause was fixed). */
  @Post(':eventId/retry')
  @RequirePermissions('system.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: RetryEventDeliveryResponseDto })
  @ApiNotFoundResponse({ description: 'OUTBOX_FAILURE_NOT_FOUND', type: ApiErrorBodyDto })
  retry(
    @Ctx() ctx: RequestContext,
    @Param('eventId') eventId: string,
    @Body() body: RetryEventDeliveryRequestDto,
  ): Promise<RetryEventDeliveryResponse> {
    return this.deliveries.retry(ctx, eventId, body.handlerName);
  }
}
