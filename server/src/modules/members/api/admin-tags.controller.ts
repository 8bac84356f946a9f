import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { BulkTagResponse, MemberDetail, Tag, TagGroup } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { MemberTagsService } from '../member-tags.service';
import { TagsService } from '../tags.service';
import { MemberDetailDto } from './dto/members.dto';
import {
  AddMemberTagsRequestDto,
  BulkTagRequestDto,
  BulkTagResponseDto,
  TagDto,
  TagGroupDto,
  TagGroupInputDto,
  TagInputDto,
} from './dto/tags.dto';

const error = (description: string) => ({ description, type: ApiErrorBodyDto });
const RULE_MANAGED = error('TAG_RULE_MANAGED：规则标签不能手动操作');
const TAG_NOT_FOUND = error('TAG_NOT_FOUND');
const GROUP_NOT_FOUND = error('TAG_GROUP_NOT_FOUND');

@ApiTags('admin: 会员标签')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/tag-groups')
export class AdminTagGroupsController {
  constructor(private readonly tags: TagsService) {}

  @Get()
  @RequirePermissions('members.read')
  @ApiOkResponse({ type: [TagGroupDto], description: '按排序、id；组内标签按 id' })
  list(@Ctx() ctx: RequestContext): Promise<TagGroup[]> {
    return this.tags.listGroups(ctx);
  }

  @Post()
  @RequirePermissions('members.write')
  @ApiCreatedResponse({ type: TagGroupDto })
  @ApiConflictResponse(error('TAG_GROUP_DUPLICATE'))
  create(@Ctx() ctx: RequestContext, @Body() body: TagGroupInputDto): Promise<TagGroup> {
    return this.tags.createGroup(ctx, body);
  }

  @Put(':id')
  @RequirePermissions('members.write')
  @ApiOkResponse({ type: TagGroupDto })
  @ApiNotFoundResponse(GROUP_NOT_FOUND)
  @ApiConflictResponse(error('TAG_GROUP_DUPLICATE'))
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: TagGroupInputDto,
  ): Promise<TagGroup> {
    return this.tags.updateGroup(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('members.write')
  @ApiNoContentResponse({ description: '已删除' })
  @ApiNotFoundResponse(GROUP_NOT_FOUND)
  @ApiConflictResponse(error('TAG_GROUP_NOT_EMPTY：组内还有标签'))
  async remove(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.tags.deleteGroup(ctx, id);
  }
}

@ApiTags('admin: 会员标签')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/tags')
export class AdminTagsController {
  constructor(private readonly tags: TagsService) {}

  @Post()
  @RequirePermissions('members.write')
  @ApiCreatedResponse({ type: TagDto, description: '创建人工标签' })
  @ApiNotFoundResponse(GROUP_NOT_FOUND)
  @ApiConflictResponse(error('TAG_DUPLICATE：组内已有同名标签'))
  create(@Ctx() ctx: RequestContext, @Body() body: TagInputDto): Promise<Tag> {
    return this.tags.createTag(ctx, body);
  }

  @Put(':id')
  @RequirePermissions('members.write')
  @ApiOkResponse({ type: TagDto })
  @ApiNotFoundResponse(error('TAG_NOT_FOUND / TAG_GROUP_NOT_FOUND'))
  @ApiConflictResponse(error('TAG_DUPLICATE'))
  @ApiBadRequestResponse(RULE_MANAGED)
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: TagInputDto,
  ): Promise<Tag> {
    return this.tags.updateTag(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermissions('members.write')
  @ApiNoContentResponse({ description: '已删除，并从所有会员身上移除' })
  @ApiNotFoundResponse(TAG_NOT_FOUND)
  @ApiBadRequestResponse(RULE_MANAGED)
  async remove(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<void> {
    await this.tags.deleteTag(ctx, id);
  }
}

/** Tags on members; lives here rather than with the member controller to keep that one small. */
@ApiTags('admin: 会员标签')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/members')
export class AdminMemberTagsController {
  constructor(private readonly memberTags: MemberTagsService) {}

  @Post('bulk-tags')
  @HttpCode(200)
  @RequirePermissions('members.write')
  @ApiOkResponse({ type: BulkTagResponseDto, description: '按勾选的会员或筛选条件批量打标签/移除标签' })
  @ApiNotFoundResponse(TAG_NOT_FOUND)
  @ApiBadRequestResponse(error('VALIDATION_FAILED（memberIds 与 filter 须二选一）/ TAG_RULE_MANAGED'))
  bulk(@Ctx() ctx: RequestContext, @Body() body: BulkTagRequestDto): Promise<BulkTagResponse> {
    return this.memberTags.bulk(ctx, body);
  }

  @Post(':id/tags')
  @HttpCode(200)
  @RequirePermissions('members.write')
  @ApiOkResponse({ type: MemberDetailDto, description: '添加标签（已有的忽略）' })
  @ApiNotFoundResponse(error('MEMBER_NOT_FOUND / TAG_NOT_FOUND'))
  @ApiBadRequestResponse(RULE_MANAGED)
  add(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: AddMemberTagsRequestDto,
  ): Promise<MemberDetail> {
    return this.memberTags.add(ctx, id, body.tagIds);
  }

  @Delete(':id/tags/:tagId')
  @RequirePermissions('members.write')
  @ApiOkResponse({ type: MemberDetailDto, description: '移除标签（没有该标签时不变）' })
  @ApiNotFoundResponse(error('MEMBER_NOT_FOUND / TAG_NOT_FOUND'))
  @ApiBadRequestResponse(RULE_MANAGED)
  removeTag(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Param('tagId', ParseIdPipe) tagId: number,
  ): Promise<MemberDetail> {
    return this.memberTags.remove(ctx, id, tagId);
  }
}
