import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CampaignDetail, CampaignListItem, CampaignPreview, Paged } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { CampaignsService } from '../campaigns.service';
import { CampaignDetailDto, CampaignPagedDto } from './dto/campaign-admin.dto';
import {
  CampaignDuplicateRequestDto,
  CampaignInputDto,
  CampaignListQueryDto,
} from './dto/campaign-input.dto';
import { CampaignViewDto } from './dto/campaign-view.dto';

const NOT_FOUND = { description: 'CAMPAIGN_NOT_FOUND', type: ApiErrorBodyDto };
const INVALID_STATUS = {
  description: 'CAMPAIGN_INVALID_STATUS：当前状态不能执行此操作',
  type: ApiErrorBodyDto,
};

@ApiTags('admin: 团购活动')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/campaigns')
export class AdminCampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @RequirePermissions('campaigns.read')
  @ApiOkResponse({ type: CampaignPagedDto, description: '开始时间最新在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: CampaignListQueryDto): Promise<Paged<CampaignListItem>> {
    return this.campaigns.list(ctx, query);
  }

  @Post()
  @RequirePermissions('campaigns.write')
  @ApiCreatedResponse({ type: CampaignDetailDto, description: '新建草稿' })
  create(@Ctx() ctx: RequestContext, @Body() body: CampaignInputDto): Promise<CampaignDetail> {
    return this.campaigns.create(ctx, body);
  }

  @Get(':id')
  @RequirePermissions('campaigns.read')
  @ApiOkResponse({ type: CampaignDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CampaignDetail> {
    return this.campaigns.get(ctx, id);
  }

  @Get(':id/preview')
  @RequirePermissions('campaigns.read')
  @ApiOkResponse({ type: CampaignViewDto, description: '买家看到的样子（不论状态）' })
  @ApiNotFoundResponse(NOT_FOUND)
  preview(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CampaignPreview> {
    return this.campaigns.preview(ctx, id);
  }

  @Put(':id')
  @RequirePermissions('campaigns.write')
  @ApiOkResponse({ type: CampaignDetailDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({
    description:
      'CAMPAIGN_ENDED：已结束不能修改；CAMPAIGN_LIVE_FIELD_LOCKED：进行中不能改价格、限购、开始时间等',
    type: ApiErrorBodyDto,
  })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CampaignInputDto,
  ): Promise<CampaignDetail> {
    return this.campaigns.update(ctx, id, body);
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @RequirePermissions('campaigns.write')
  @ApiOkResponse({ type: CampaignDetailDto, description: '排期：开始时间已到则直接进行中' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  schedule(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CampaignDetail> {
    return this.campaigns.act(ctx, id, 'schedule');
  }

  @Post(':id/unschedule')
  @HttpCode(200)
  @RequirePermissions('campaigns.write')
  @ApiOkResponse({ type: CampaignDetailDto, description: '撤回排期，回到草稿' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  unschedule(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CampaignDetail> {
    return this.campaigns.act(ctx, id, 'unschedule');
  }

  @Post(':id/end')
  @HttpCode(200)
  @RequirePermissions('campaigns.write')
  @ApiOkResponse({ type: CampaignDetailDto, description: '提前结束' })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INVALID_STATUS)
  end(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<CampaignDetail> {
    return this.campaigns.act(ctx, id, 'end');
  }

  @Post(':id/duplicate')
  @RequirePermissions('campaigns.write')
  @ApiCreatedResponse({ type: CampaignDetailDto, description: '复制为新草稿，默认顺延整周（复制到下周）' })
  @ApiNotFoundResponse(NOT_FOUND)
  duplicate(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: CampaignDuplicateRequestDto,
  ): Promise<CampaignDetail> {
    return this.campaigns.duplicate(ctx, id, body);
  }
}
