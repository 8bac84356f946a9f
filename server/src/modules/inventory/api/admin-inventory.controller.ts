import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { InventorySkuView, Paged, StockAdjustmentResult, StockMovementView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { InventoryAdminService } from '../inventory-admin.service';
import { InventoryService } from '../inventory.service';
import {
  InventorySkuDto,
  InventorySkuPageDto,
  InventorySkuQueryDto,
  LowStockThresholdChangeDto,
  StockAdjustmentRequestDto,
  StockAdjustmentResultDto,
  StockMovementPageDto,
  StockMovementQueryDto,
} from './dto/inventory.dto';

const error = (description: string) => ({ description, type: ApiErrorBodyDto });

@ApiTags('admin: 库存')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/inventory')
export class AdminInventoryController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly admin: InventoryAdminService,
  ) {}

  @Get('skus')
  @RequirePermissions('inventory.read')
  @ApiOkResponse({ type: InventorySkuPageDto, description: '库存表；lowStock=true 为低库存列表' })
  listSkus(
    @Ctx() ctx: RequestContext,
    @Query() query: InventorySkuQueryDto,
  ): Promise<Paged<InventorySkuView>> {
    return this.admin.listSkus(ctx, query);
  }

  @Post('adjustments')
  @RequirePermissions('inventory.write')
  @ApiCreatedResponse({ type: StockAdjustmentResultDto })
  @ApiBadRequestResponse(error('VALIDATION_FAILED / INVENTORY_BUNDLE_NOT_STOCKED'))
  @ApiNotFoundResponse(error('SKU_NOT_FOUND'))
  @ApiConflictResponse(error('INVENTORY_INSUFFICIENT_STOCK：报损超过可售库存'))
  adjust(
    @Ctx() ctx: RequestContext,
    @Body() body: StockAdjustmentRequestDto,
  ): Promise<StockAdjustmentResult> {
    return this.inventory.adjust(ctx, body);
  }

  @Get('movements')
  @RequirePermissions('inventory.read')
  @ApiOkResponse({ type: StockMovementPageDto, description: '库存流水，新的在前' })
  listMovements(
    @Ctx() ctx: RequestContext,
    @Query() query: StockMovementQueryDto,
  ): Promise<Paged<StockMovementView>> {
    return this.admin.listMovements(ctx, query);
  }

  @Patch('skus/:skuId/threshold')
  @RequirePermissions('inventory.write')
  @ApiOkResponse({ type: InventorySkuDto })
  @ApiNotFoundResponse(error('SKU_NOT_FOUND'))
  @ApiBadRequestResponse(error('INVENTORY_BUNDLE_NOT_STOCKED'))
  setThreshold(
    @Ctx() ctx: RequestContext,
    @Param('skuId', ParseIdPipe) skuId: number,
    @Body() body: LowStockThresholdChangeDto,
  ): Promise<InventorySkuView> {
    return this.admin.setThreshold(ctx, skuId, body.lowStockThreshold);
  }
}
