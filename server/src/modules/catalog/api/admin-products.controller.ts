import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Paged, ProductDetail, ProductListItem, SkuPickerItem } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { ProductsService } from '../products.service';
import { ProductInputDto, ProductStatusChangeDto } from './dto/product-input.dto';
import {
  ProductDetailDto,
  ProductListQueryDto,
  ProductPageDto,
  SkuPickerPageDto,
  SkuPickerQueryDto,
} from './dto/product-view.dto';

const error = (description: string) => ({ description, type: ApiErrorBodyDto });
const NOT_FOUND = error('PRODUCT_NOT_FOUND');
const INVALID = error('VALIDATION_FAILED：规格矩阵不完整、图片不存在、组合套餐不合规等（fields 指出字段）');

@ApiTags('admin: 商品')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/products')
export class AdminProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @RequirePermissions('catalog.read')
  @ApiOkResponse({ type: ProductPageDto, description: '新建的在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: ProductListQueryDto): Promise<Paged<ProductListItem>> {
    return this.products.list(ctx, query);
  }

  @Get(':id')
  @RequirePermissions('catalog.read')
  @ApiOkResponse({ type: ProductDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<ProductDetail> {
    return this.products.get(ctx, id);
  }

  @Post()
  @RequirePermissions('catalog.write')
  @ApiCreatedResponse({ type: ProductDetailDto, description: '新商品为草稿；新规格的初始库存记为入库' })
  @ApiBadRequestResponse(INVALID)
  create(@Ctx() ctx: RequestContext, @Body() body: ProductInputDto): Promise<ProductDetail> {
    return this.products.create(ctx, body);
  }

  @Put(':id')
  @RequirePermissions('catalog.write')
  @ApiOkResponse({
    type: ProductDetailDto,
    description: '按规格值匹配已有规格：新组合新建，消失的组合停用（不删除）',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiBadRequestResponse(INVALID)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ProductInputDto,
  ): Promise<ProductDetail> {
    return this.products.update(ctx, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermissions('catalog.write')
  @ApiOkResponse({ type: ProductDetailDto, description: '草稿 → 在售 ⇄ 已下架；上架需至少一张图片' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiBadRequestResponse(error('PRODUCT_IMAGE_REQUIRED'))
  @ApiConflictResponse(error('PRODUCT_INVALID_STATUS'))
  changeStatus(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ProductStatusChangeDto,
  ): Promise<ProductDetail> {
    return this.products.changeStatus(ctx, id, body.status);
  }
}

@ApiTags('admin: 商品')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/skus')
export class AdminSkusController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @RequirePermissions('catalog.read')
  @ApiOkResponse({ type: SkuPickerPageDto, description: '非草稿商品的启用规格，用于组合套餐与团购活动选品' })
  pick(@Ctx() ctx: RequestContext, @Query() query: SkuPickerQueryDto): Promise<Paged<SkuPickerItem>> {
    return this.products.pickSkus(ctx, query);
  }
}
