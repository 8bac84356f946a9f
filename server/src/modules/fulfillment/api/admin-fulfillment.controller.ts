import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  DeliveryRouteView,
  DeliverySheet,
  DemandLine,
  FulfillmentWaveDetail,
  FulfillmentWaveView,
  Paged,
  PickList,
  PickSummary,
  PurchaseListDetail,
  PurchaseListSummary,
  ShipRouteResponse,
} from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext, sendXlsx, XLSX_TYPE } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import {
  deliverySheetWorkbook,
  pickListsWorkbook,
  pickSummaryWorkbook,
  purchaseListWorkbook,
} from '../fulfillment-workbooks';
import { PickingService } from '../picking.service';
import { PurchasingService } from '../purchasing.service';
import { RoutesService } from '../routes.service';
import { WavesService } from '../waves.service';
import {
  AdjustPurchaseListRequestDto,
  DeliveryRouteInputDto,
  ExportFormatQueryDto,
  FulfillmentWaveQueryDto,
  ReceivePurchaseListRequestDto,
} from './dto/fulfillment-input.dto';

@ApiTags('admin: 履约')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/fulfillment')
export class AdminFulfillmentController {
  constructor(
    private readonly waves: WavesService,
    private readonly purchasing: PurchasingService,
    private readonly picking: PickingService,
    private readonly routes: RoutesService,
  ) {}

  // ---- waves ---------------------------------------------------------------------------------------------

  @Get('waves')
  @RequirePermissions('fulfillment.read')
  @ApiOkResponse({ description: '履约波次（每个活动截单时生成），截单时间最新在前' })
  listWaves(
    @Ctx() ctx: RequestContext,
    @Query() query: FulfillmentWaveQueryDto,
  ): Promise<Paged<FulfillmentWaveView>> {
    return this.waves.list(ctx, query);
  }

  @Get('waves/:id')
  @RequirePermissions('fulfillment.read')
  @ApiOkResponse({ description: '波次看板：各状态订单数、采购单、线路进度、未分配线路的自提点' })
  wave(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<FulfillmentWaveDetail> {
    return this.waves.detail(ctx, id);
  }

  @Get('waves/:id/demand')
  @RequirePermissions('fulfillment.read')
  @ApiOkResponse({ description: '按 SKU 汇总的需求（组合套餐按组成商品展开）' })
  demand(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<DemandLine[]> {
    return this.waves.demand(ctx, id);
  }

  // ---- purchase lists ------------------------------------------------------------------------------------

  @Get('waves/:id/purchase-lists')
  @RequirePermissions('fulfillment.read')
  @ApiOkResponse({ description: '波次的采购单' })
  purchaseLists(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
  ): Promise<PurchaseListSummary[]> {
    return this.purchasing.listOfWave(ctx, id);
  }

  @Post('waves/:id/purchase-lists')
  @HttpCode(200)
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '按供应商生成采购单（需求 − 可用库存）；已有的保持不变' })
  generatePurchaseLists(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
  ): Promise<PurchaseListSummary[]> {
    return this.purchasing.generate(ctx, id);
  }

  @Get('purchase-lists/:id')
  @RequirePermissions('fulfillment.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ description: '采购单明细；format=xlsx 下载 Excel' })
  async purchaseList(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: ExportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PurchaseListDetail | Buffer> {
    const list = await this.purchasing.detail(ctx, id);
    if (query.format !== 'xlsx') return list;
    return sendXlsx(reply, `采购单-${list.listNo}.xlsx`, await purchaseListWorkbook(list));
  }

  @Put('purchase-lists/:id/lines')
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '修改待下单采购单的采购数量' })
  adjustPurchaseList(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: AdjustPurchaseListRequestDto,
  ): Promise<PurchaseListDetail> {
    return this.purchasing.adjust(ctx, id, body);
  }

  @Post('purchase-lists/:id/mark-ordered')
  @HttpCode(200)
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '标记为已下单' })
  markOrdered(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<PurchaseListDetail> {
    return this.purchasing.markOrdered(ctx, id);
  }

  @Post('purchase-lists/:id/receive')
  @HttpCode(200)
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '到货入库：实收数量记入库存流水（采购入库）' })
  receive(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ReceivePurchaseListRequestDto,
  ): Promise<PurchaseListDetail> {
    return this.purchasing.receive(ctx, id, body);
  }

  // ---- pick lists ----------------------------------------------------------------------------------------

  @Get('waves/:id/pick-lists')
  @RequirePermissions('fulfillment.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ description: '各自提点拣货单；format=xlsx 下载 Excel（每个自提点一页）' })
  async pickLists(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: ExportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PickList[] | Buffer> {
    const lists = await this.picking.pickLists(ctx, id);
    if (query.format !== 'xlsx') return lists;
    return sendXlsx(reply, `拣货单-波次${id}.xlsx`, await pickListsWorkbook(lists));
  }

  @Get('waves/:id/pick-lists/:leaderId')
  @RequirePermissions('fulfillment.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ description: '一个自提点的拣货单；format=xlsx 下载 Excel' })
  async pickList(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Param('leaderId', ParseIdPipe) leaderId: number,
    @Query() query: ExportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PickList | Buffer> {
    const list = await this.picking.pickListOf(ctx, id, leaderId);
    if (query.format !== 'xlsx') return list;
    return sendXlsx(reply, `拣货单-波次${id}-${list.leaderName}.xlsx`, await pickListsWorkbook([list]));
  }

  @Get('waves/:id/pick-summary')
  @RequirePermissions('fulfillment.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ description: '波次汇总拣货单；format=xlsx 下载 Excel' })
  async pickSummary(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: ExportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PickSummary | Buffer> {
    const summary = await this.picking.pickSummary(ctx, id);
    if (query.format !== 'xlsx') return summary;
    return sendXlsx(reply, `汇总拣货单-波次${id}.xlsx`, await pickSummaryWorkbook(summary));
  }

  // ---- delivery ------------------------------------------------------------------------------------------

  @Get('waves/:id/routes/:routeId/delivery-sheet')
  @RequirePermissions('fulfillment.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ description: '线路配送单；format=xlsx 下载 Excel' })
  async deliverySheet(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Param('routeId', ParseIdPipe) routeId: number,
    @Query() query: ExportFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DeliverySheet | Buffer> {
    const sheet = await this.picking.deliverySheet(ctx, id, routeId);
    if (query.format !== 'xlsx') return sheet;
    return sendXlsx(reply, `配送单-${sheet.route.name}-波次${id}.xlsx`, await deliverySheetWorkbook(sheet));
  }

  @Post('waves/:id/routes/:routeId/ship')
  @HttpCode(200)
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '线路发车：该线路各站已截单的订单改为已发货' })
  ship(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Param('routeId', ParseIdPipe) routeId: number,
  ): Promise<ShipRouteResponse> {
    return this.picking.ship(ctx, id, routeId);
  }

  // ---- routes --------------------------------------------------------------------------------------------

  @Get('routes')
  @RequirePermissions('fulfillment.read')
  @ApiOkResponse({ description: '配送线路，按名称' })
  listRoutes(@Ctx() ctx: RequestContext): Promise<DeliveryRouteView[]> {
    return this.routes.list(ctx);
  }

  @Post('routes')
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '新建配送线路' })
  createRoute(@Ctx() ctx: RequestContext, @Body() body: DeliveryRouteInputDto): Promise<DeliveryRouteView> {
    return this.routes.create(ctx, body);
  }

  @Get('routes/:id')
  @RequirePermissions('fulfillment.read')
  @ApiOkResponse({ description: '配送线路' })
  route(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<DeliveryRouteView> {
    return this.routes.get(ctx, id);
  }

  @Put('routes/:id')
  @RequirePermissions('fulfillment.write')
  @ApiOkResponse({ description: '修改配送线路（自提点整体替换）' })
  updateRoute(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: DeliveryRouteInputDto,
  ): Promise<DeliveryRouteView> {
    return this.routes.update(ctx, id, body);
  }

  @Delete('routes/:id')
  @HttpCode(204)
  @RequirePermissions('fulfillment.write')
  async deleteRoute(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.routes.remove(ctx, id);
  }
}
