import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { LeaderLevel, LevelEvaluationResult } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { LeaderLevelsService } from '../leader-levels.service';
import { LevelEvaluationService } from '../level-evaluation.service';
import { LeaderLevelDto, LeaderLevelInputDto, LevelEvaluationResultDto } from './dto/leader-level.dto';

const NOT_FOUND = { description: 'LEADER_LEVEL_NOT_FOUND', type: ApiErrorBodyDto };
const DUPLICATE = { description: 'LEADER_LEVEL_DUPLICATE：名称或排序已存在', type: ApiErrorBodyDto };

@ApiTags('admin: 团长等级')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/leader-levels')
export class AdminLeaderLevelsController {
  constructor(
    private readonly levels: LeaderLevelsService,
    private readonly evaluation: LevelEvaluationService,
  ) {}

  @Get()
  @RequirePermissions('leaders.read')
  @ApiOkResponse({ type: [LeaderLevelDto], description: '按排序从低到高' })
  list(@Ctx() ctx: RequestContext): Promise<LeaderLevel[]> {
    return this.levels.list(ctx);
  }

  @Post()
  @RequirePermissions('leaders.write')
  @ApiCreatedResponse({ type: LeaderLevelDto })
  @ApiConflictResponse(DUPLICATE)
  create(@Ctx() ctx: RequestContext, @Body() body: LeaderLevelInputDto): Promise<LeaderLevel> {
    return this.levels.create(ctx, body);
  }

  @Post('evaluate')
  @HttpCode(200)
  @RequirePermissions('leaders.write')
  @ApiOkResponse({
    type: LevelEvaluationResultDto,
    description: '立即评估所有正常团长（每天 02:00 也会自动评估）',
  })
  evaluate(@Ctx() ctx: RequestContext): Promise<LevelEvaluationResult> {
    return this.evaluation.evaluateNow(ctx);
  }

  @Put(':id')
  @RequirePermissions('leaders.write')
  @ApiOkResponse({ type: LeaderLevelDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(DUPLICATE)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: LeaderLevelInputDto,
  ): Promise<LeaderLevel> {
    return this.levels.update(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('leaders.write')
  @ApiNoContentResponse({ description: '已删除' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'LEADER_LEVEL_IN_USE：仍有团长处于此等级', type: ApiErrorBodyDto })
  async remove(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.levels.remove(ctx, id);
  }
}
