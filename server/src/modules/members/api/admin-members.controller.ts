import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { MemberDetail, MemberListItem, Paged, TransferMembersResponse } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { MemberAdminService } from '../member-admin.service';
import {
  MemberDetailDto,
  MemberListQueryDto,
  MemberPageDto,
  MoveMemberRequestDto,
  TransferMembersRequestDto,
  TransferMembersResponseDto,
} from './dto/members.dto';

const TARGET_INVALID = {
  description: 'MEMBER_TARGET_LEADER_INVALID：目标团长不存在或未营业',
  type: ApiErrorBodyDto,
};
const ALREADY_THERE = { description: 'MEMBER_ALREADY_AT_LEADER', type: ApiErrorBodyDto };

@ApiTags('admin: 会员')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/members')
export class AdminMembersController {
  constructor(private readonly members: MemberAdminService) {}

  @Get()
  @RequirePermissions('members.read')
  @ApiOkResponse({ type: MemberPageDto, description: '最新注册在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: MemberListQueryDto): Promise<Paged<MemberListItem>> {
    return this.members.list(ctx, query);
  }

  @Get(':id')
  @RequirePermissions('members.read')
  @ApiOkResponse({ type: MemberDetailDto })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND', type: ApiErrorBodyDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<MemberDetail> {
    return this.members.get(ctx, id);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermissions('members.write')
  @ApiOkResponse({ type: MemberDetailDto, description: '调整会员的团长（须填原因，记入绑定历史与审计）' })
  @ApiNotFoundResponse({ description: 'MEMBER_NOT_FOUND', type: ApiErrorBodyDto })
  @ApiBadRequestResponse(TARGET_INVALID)
  @ApiConflictResponse(ALREADY_THERE)
  move(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: MoveMemberRequestDto,
  ): Promise<MemberDetail> {
    return this.members.move(ctx, id, body.toLeaderId, body.reason);
  }
}

/** Lives with members: it changes members' bindings, the leaders context only names the source. */
@ApiTags('admin: 会员')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/leaders')
export class AdminLeaderMembersController {
  constructor(private readonly members: MemberAdminService) {}

  @Post(':id/transfer-members')
  @HttpCode(200)
  @RequirePermissions('members.write')
  @ApiOkResponse({
    type: TransferMembersResponseDto,
    description: '把该团长的全部会员转给另一位营业中的团长',
  })
  @ApiNotFoundResponse({ description: 'LEADER_NOT_FOUND', type: ApiErrorBodyDto })
  @ApiBadRequestResponse(TARGET_INVALID)
  @ApiConflictResponse(ALREADY_THERE)
  transfer(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: TransferMembersRequestDto,
  ): Promise<TransferMembersResponse> {
    return this.members.transfer(ctx, id, body.toLeaderId, body.reason);
  }
}
