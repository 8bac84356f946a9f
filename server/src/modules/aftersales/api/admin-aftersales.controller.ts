import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AdminAfterSalesCaseView, AfterSalesSettings, Paged } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { AfterSalesService } from '../aftersales.service';
import {
  AfterSalesListQueryDto,
  AfterSalesSettingsInputDto,
  ApproveAfterSalesRequestDto,
  RejectAfterSalesRequestDto,
} from './dto/aftersales.dto';

@ApiTags('admin: 售后')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/aftersales')
export class AdminAfterSalesController {
  constructor(private readonly cases: AfterSalesService) {}

  @Get()
  @RequirePermissions('aftersales.read')
  @ApiOkResponse({ description: '售后队列，最新在前' })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: AfterSalesListQueryDto,
  ): Promise<Paged<AdminAfterSalesCaseView>> {
    return this.cases.listForStaff(ctx, query);
  }

  @Get('settings')
  @RequirePermissions('aftersales.read')
  settings(@Ctx() ctx: RequestContext): Promise<AfterSalesSettings> {
    return this.cases.settings(ctx);
  }

  @Put('settings')
  @RequirePermissions('aftersales.write')
  updateSettings(
    @Ctx() ctx: RequestContext,
    @Body() body: AfterSalesSettingsInputDto,
  ): Promise<AfterSalesSettings> {
    return this.cases.updateSettings(ctx, body);
  }

  @Get(':id')
  @RequirePermissions('aftersales.read')
  detail(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<AdminAfterSalesCaseView> {
    return this.cases.getForStaff(ctx, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermissions('aftersales.write')
  approve(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ApproveAfterSalesRequestDto,
  ): Promise<AdminAfterSalesCaseView> {
    return this.cases.approveByStaff(ctx, id, body.note ?? null);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermissions('aftersales.write')
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: RejectAfterSalesRequestDto,
  ): Promise<AdminAfterSalesCaseView> {
    return this.cases.rejectByStaff(ctx, id, body.reason);
  }

  @Post(':id/return-stock')
  @HttpCode(200)
  @RequirePermissions('aftersales.write')
  @ApiOkResponse({ description: '退货入库（按售后单幂等）' })
  returnStock(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
  ): Promise<AdminAfterSalesCaseView> {
    return this.cases.returnStock(ctx, id);
  }
}
