import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AdminAfterSalesCaseView, Paged } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { AfterSalesService } from '../aftersales.service';
import {
  AfterSalesListQueryDto,
  ApproveAfterSalesRequestDto,
  RejectAfterSalesRequestDto,
} from './dto/aftersales.dto';

/** The leader reviews the after-sales cases of orders at their pickup point. */
@ApiTags('app: 团长售后')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/leader/aftersales')
export class AppLeaderAfterSalesController {
  constructor(private readonly cases: AfterSalesService) {}

  @Get()
  @ApiOkResponse({ description: '本自提点订单的售后单' })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: AfterSalesListQueryDto,
  ): Promise<Paged<AdminAfterSalesCaseView>> {
    return this.cases.listForLeader(ctx, {
      status: query.status,
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  @Get(':id')
  detail(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<AdminAfterSalesCaseView> {
    return this.cases.getForLeader(ctx, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ description: '同意：原路退款' })
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ApproveAfterSalesRequestDto,
  ): Promise<AdminAfterSalesCaseView> {
    return this.cases.approveByLeader(ctx, id, body.note ?? null);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: RejectAfterSalesRequestDto,
  ): Promise<AdminAfterSalesCaseView> {
    return this.cases.rejectByLeader(ctx, id, body.reason);
  }
}
