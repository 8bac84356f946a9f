import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AfterSalesCaseView, Paged } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, PageQueryDto, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { AfterSalesService } from '../aftersales.service';
import { CreateAfterSalesRequestDto } from './dto/aftersales.dto';

/** The buyer's after-sales: ask from an order, see their cases. */
@ApiTags('app: 售后')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app')
export class AppAfterSalesController {
  constructor(private readonly cases: AfterSalesService) {}

  @Post('orders/:id/aftersales')
  @ApiOkResponse({ description: '申请售后（201；同一 requestId 重试返回 200 与同一售后单）' })
  async create(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CreateAfterSalesRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AfterSalesCaseView> {
    const { view, created } = await this.cases.createByBuyer(ctx, id, body);
    void reply.status(created ? 201 : 200);
    return view;
  }

  @Get('orders/:id/aftersales')
  @ApiOkResponse({ description: '该订单的售后单，最新在前' })
  ofOrder(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<AfterSalesCaseView[]> {
    return this.cases.listForBuyerOrder(ctx, id);
  }

  @Get('aftersales')
  @ApiOkResponse({ description: '我的售后单，最新在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Paged<AfterSalesCaseView>> {
    return this.cases.listForBuyer(ctx, query);
  }

  @Get('aftersales/:id')
  @ApiOkResponse({ description: '售后单详情与进度' })
  detail(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<AfterSalesCaseView> {
    return this.cases.getForBuyer(ctx, id);
  }
}
