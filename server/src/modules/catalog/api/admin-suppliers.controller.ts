import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import type { Paged, SupplierView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { SuppliersService } from '../suppliers.service';
import { SupplierDto, SupplierInputDto, SupplierListQueryDto, SupplierPageDto } from './dto/supplier.dto';

const error = (description: string) => ({ description, type: ApiErrorBodyDto });

class SupplierPatchDto extends PartialType(SupplierInputDto) {}

@ApiTags('admin: 供应商')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/suppliers')
export class AdminSuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Get()
  @RequirePermissions('catalog.read')
  @ApiOkResponse({ type: SupplierPageDto, description: '新建的在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: SupplierListQueryDto): Promise<Paged<SupplierView>> {
    return this.suppliers.list(ctx, query);
  }

  @Post()
  @RequirePermissions('catalog.write')
  @ApiCreatedResponse({ type: SupplierDto })
  @ApiConflictResponse(error('SUPPLIER_DUPLICATE'))
  create(@Ctx() ctx: RequestContext, @Body() body: SupplierInputDto): Promise<SupplierView> {
    return this.suppliers.create(ctx, body);
  }

  @Get(':id')
  @RequirePermissions('catalog.read')
  @ApiOkResponse({ type: SupplierDto })
  @ApiNotFoundResponse(error('SUPPLIER_NOT_FOUND'))
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<SupplierView> {
    return this.suppliers.get(ctx, id);
  }

  @Patch(':id')
  @RequirePermissions('catalog.write')
  @ApiOkResponse({ type: SupplierDto })
  @ApiNotFoundResponse(error('SUPPLIER_NOT_FOUND'))
  @ApiConflictResponse(error('SUPPLIER_DUPLICATE'))
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: SupplierPatchDto,
  ): Promise<SupplierView> {
    return this.suppliers.update(ctx, id, body);
  }
}
