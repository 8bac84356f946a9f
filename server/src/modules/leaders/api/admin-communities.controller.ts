import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommunityListItem, Paged } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { RequirePermissions } from '../../identity';
import { CommunitiesService } from '../communities.service';
import { CommunityListQueryDto, CommunityPageDto } from './dto/community.dto';

@ApiTags('admin: 团长')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/communities')
export class AdminCommunitiesController {
  constructor(private readonly communities: CommunitiesService) {}

  @Get()
  @RequirePermissions('leaders.read')
  @ApiOkResponse({ type: CommunityPageDto, description: '全部社群，最新在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: CommunityListQueryDto): Promise<Paged<CommunityListItem>> {
    return this.communities.adminList(ctx, query);
  }
}
