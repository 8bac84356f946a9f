import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import type { CategoryView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { CategoriesService } from '../categories.service';
import { CategoryDto, CategoryInputDto } from './dto/category.dto';

const error = (description: string) => ({ description, type: ApiErrorBodyDto });

class CategoryPatchDto extends PartialType(CategoryInputDto) {}

@ApiTags('admin: 商品分类')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/categories')
export class AdminCategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @RequirePermissions('catalog.read')
  @ApiOkResponse({ type: [CategoryDto], description: '平铺列表，按排序、id；前端自行组树' })
  list(@Ctx() ctx: RequestContext): Promise<CategoryView[]> {
    return this.categories.list(ctx);
  }

  @Post()
  @RequirePermissions('catalog.write')
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiNotFoundResponse(error('CATEGORY_NOT_FOUND：上级分类不存在'))
  @ApiConflictResponse(error('CATEGORY_DUPLICATE'))
  create(@Ctx() ctx: RequestContext, @Body() body: CategoryInputDto): Promise<CategoryView> {
    return this.categories.create(ctx, body);
  }

  @Patch(':id')
  @RequirePermissions('catalog.write')
  @ApiOkResponse({ type: CategoryDto })
  @ApiNotFoundResponse(error('CATEGORY_NOT_FOUND'))
  @ApiConflictResponse(error('CATEGORY_DUPLICATE'))
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CategoryPatchDto,
  ): Promise<CategoryView> {
    return this.categories.update(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('catalog.write')
  @ApiNoContentResponse({ description: '已删除' })
  @ApiNotFoundResponse(error('CATEGORY_NOT_FOUND'))
  @ApiConflictResponse(error('CATEGORY_IN_USE：还有子分类或商品'))
  async remove(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.categories.remove(ctx, id);
  }
}
