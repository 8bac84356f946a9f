import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { JoinCommunityResponse } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { CommunityJoinsService } from '../community-joins.service';
import { JoinCommunityRequestDto, JoinCommunityResponseDto } from './dto/communities.dto';

@ApiTags('app: 社群')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/communities')
export class AppCommunitiesController {
  constructor(private readonly joins: CommunityJoinsService) {}

  @Post('join')
  @HttpCode(200)
  @ApiOkResponse({
    type: JoinCommunityResponseDto,
    description: '通过社群邀请加入；未绑定团长的会员同时绑定到该团长；重复加入 joined=false',
  })
  @ApiBadRequestResponse({
    description: 'COMMUNITY_INVITE_INVALID：邀请码不存在、社群已归档或团长未营业',
    type: ApiErrorBodyDto,
  })
  join(@Ctx() ctx: RequestContext, @Body() body: JoinCommunityRequestDto): Promise<JoinCommunityResponse> {
    return this.joins.join(ctx, body.communityCode);
  }
}
