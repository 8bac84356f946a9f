import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommunityInvite, CommunityView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { CommunitiesService } from '../communities.service';
import {
  CommunityInputDto,
  CommunityInviteDto,
  CommunityUpdateDto,
  CommunityViewDto,
} from './dto/community.dto';

const NOT_ACTIVE = { description: 'LEADER_NOT_ACTIVE：不是正常状态的团长', type: ApiErrorBodyDto };
const NOT_FOUND = { description: 'COMMUNITY_NOT_FOUND：不存在或不是自己的社群', type: ApiErrorBodyDto };
const LIMIT = { description: 'COMMUNITY_LIMIT_REACHED：使用中的社群已达上限', type: ApiErrorBodyDto };

@ApiTags('app: 团长')
@ApiBearerAuth()
@ApiErrorResponses()
@ApiForbiddenResponse(NOT_ACTIVE)
@Controller('app/leader/communities')
export class AppLeaderCommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Get()
  @ApiOkResponse({ type: [CommunityViewDto], description: '我的社群，最新在前' })
  list(@Ctx() ctx: RequestContext): Promise<CommunityView[]> {
    return this.communities.list(ctx);
  }

  @Post()
  @ApiCreatedResponse({ type: CommunityViewDto, description: '新建社群（自动生成邀请码）' })
  @ApiConflictResponse(LIMIT)
  create(@Ctx() ctx: RequestContext, @Body() body: CommunityInputDto): Promise<CommunityView> {
    return this.communities.create(ctx, body);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CommunityViewDto, description: '改名、归档或恢复使用' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(LIMIT)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CommunityUpdateDto,
  ): Promise<CommunityView> {
    return this.communities.update(ctx, id, body);
  }

  @Get(':id/invite')
  @ApiOkResponse({ type: CommunityInviteDto, description: '邀请二维码与链接' })
  @ApiNotFoundResponse(NOT_FOUND)
  invite(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CommunityInvite> {
    return this.communities.invite(ctx, id);
  }
}
