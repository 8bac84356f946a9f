import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { DownlineView, LeaderDetail, LeaderListItem, Paged } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { LeaderAdminService } from '../leader-admin.service';
import {
  LeaderDetailDto,
  LeaderListQueryDto,
  LeaderPageDto,
  LeaderStatusReasonRequestDto,
} from './dto/admin-leader.dto';
import { DownlineViewDto, SetLeaderLevelRequestDto } from './dto/leader-level.dto';

const INVALID_STATUS = { description: 'LEADER_INVALID_STATUS：当前状态不允许此操作', type: ApiErrorBodyDto };
const NOT_FOUND = { description: 'LEADER_NOT_FOUND', type: ApiErrorBodyDto };

@ApiTags('admin: 团长')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/leaders')
export class AdminLeadersController {
  constructor(private readonly leaders: LeaderAdminService) {}

  @Get()
  @RequirePermissions('leaders.read')
  @ApiOkResponse({ type: LeaderPageDto, description: '最新申请在前；status=pending 即审核队列' })
  list(@Ctx() ctx: RequestContext, @Query() query: LeaderListQueryDto): Promise<Paged<LeaderListItem>> {
    return this.leaders.list(ctx, query);
  }

  @Get(':id')
  @RequirePermissions('leaders.read')
  @ApiOkResponse({ type: LeaderDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<LeaderDetail> {
    return this.leaders.get(ctx, id);
  }

  @Get(':id/downline')
  @RequirePermissions('leaders.read')
  @ApiOkResponse({
    type: DownlineViewDto,
    description: '团长本人与直接招募的团员（含各自的直接/全部下级数）；更深层级对子节点再次调用',
  })
  @ApiNotFoundResponse(NOT_FOUND)
  downline(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<DownlineView> {
    return this.leaders.downline(ctx, id);
  }

  @Post(':id/level')
  @HttpCode(200)
  @RequirePermissions('leaders.write')
  @ApiOkResponse({ type: LeaderDetailDto, description: '手动调整等级；保级期内自动评估不调整此团长' })
  @ApiNotFoundResponse({ description: 'LEADER_NOT_FOUND / LEADER_LEVEL_NOT_FOUND', type: ApiErrorBodyDto })
  @ApiConflictResponse({ description: 'LEADER_INVALID_STATUS：待审核或已拒绝', type: ApiErrorBodyDto })
  setLevel(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: SetLeaderLevelRequestDto,
  ): Promise<LeaderDetail> {
    return this.leaders.setLevel(ctx, id, body);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermissions('leaders.write')
  @ApiOkResponse({ type: LeaderDetailDto, description: '待审核 → 正常' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<LeaderDetail> {
    return this.leaders.approve(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermissions('leaders.write')
  @ApiOkResponse({ type: LeaderDetailDto, description: '待审核 → 已拒绝（原因展示给申请人）' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: LeaderStatusReasonRequestDto,
  ): Promise<LeaderDetail> {
    return this.leaders.reject(ctx, id, body.reason);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermissions('leaders.write')
  @ApiOkResponse({ type: LeaderDetailDto, description: '正常 → 已停用（自提点停止接单，客户保持绑定）' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  suspend(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: LeaderStatusReasonRequestDto,
  ): Promise<LeaderDetail> {
    return this.leaders.suspend(ctx, id, body.reason);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermissions('leaders.write')
  @ApiOkResponse({ type: LeaderDetailDto, description: '已停用 → 正常' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  reactivate(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<LeaderDetail> {
    return this.leaders.reactivate(ctx, id);
  }
}
