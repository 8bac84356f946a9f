import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CommissionPreview, CommissionRules, RuleSetSimulation, RuleSetView } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { RuleSetTrialsService } from '../rule-set-trials.service';
import { RuleSetsService } from '../rule-sets.service';
import {
  CommissionPreviewRequestDto,
  PublishRuleSetRequestDto,
  RuleSetInputDto,
  RuleSetSimulationRequestDto,
} from './dto/commission-input.dto';
import { CommissionPreviewDto, RuleSetSimulationDto, RuleSetViewDto } from './dto/commission-view.dto';

@ApiTags('admin: 佣金方案')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/commission')
export class AdminCommissionRulesController {
  constructor(
    private readonly ruleSets: RuleSetsService,
    private readonly trials: RuleSetTrialsService,
  ) {}

  @Get('rule-sets')
  @RequirePermissions('commission.read')
  @ApiOkResponse({ type: [RuleSetViewDto], description: '草稿在前，已发布的按版本从新到旧' })
  list(@Ctx() ctx: RequestContext): Promise<RuleSetView[]> {
    return this.ruleSets.list(ctx);
  }

  @Get('rule-sets/template')
  @RequirePermissions('commission.read')
  @ApiOkResponse({ description: '新方案的起点：当前生效方案的规则，或各等级自己的费率' })
  template(@Ctx() ctx: RequestContext): Promise<CommissionRules> {
    return this.ruleSets.template(ctx);
  }

  @Get('rule-sets/:id')
  @RequirePermissions('commission.read')
  @ApiOkResponse({ type: RuleSetViewDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<RuleSetView> {
    return this.ruleSets.get(ctx, id);
  }

  @Post('rule-sets')
  @RequirePermissions('commission.write')
  @ApiCreatedResponse({
    type: RuleSetViewDto,
    description: '新建草稿（COMMISSION_RULES_INVALID：按字段返回错误）',
  })
  create(@Ctx() ctx: RequestContext, @Body() body: RuleSetInputDto): Promise<RuleSetView> {
    return this.ruleSets.create(ctx, body);
  }

  @Put('rule-sets/:id')
  @RequirePermissions('commission.write')
  @ApiOkResponse({ type: RuleSetViewDto, description: '只能修改草稿（COMMISSION_RULE_SET_PUBLISHED）' })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: RuleSetInputDto,
  ): Promise<RuleSetView> {
    return this.ruleSets.update(ctx, id, body);
  }

  @Delete('rule-sets/:id')
  @HttpCode(204)
  @RequirePermissions('commission.write')
  @ApiNoContentResponse({ description: '删除草稿' })
  remove(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.ruleSets.remove(ctx, id);
  }

  @Post('rule-sets/:id/copy')
  @RequirePermissions('commission.write')
  @ApiCreatedResponse({ type: RuleSetViewDto, description: '复制为新草稿' })
  copy(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<RuleSetView> {
    return this.ruleSets.copy(ctx, id);
  }

  @Post('rule-sets/:id/publish')
  @HttpCode(200)
  @RequirePermissions('commission.write')
  @ApiOkResponse({ type: RuleSetViewDto, description: '发布为下一个版本，自生效时间起完成的订单按它计佣' })
  publish(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: PublishRuleSetRequestDto,
  ): Promise<RuleSetView> {
    return this.ruleSets.publish(ctx, id, new Date(body.effectiveFrom));
  }

  @Post('rule-sets/:id/simulate')
  @HttpCode(200)
  @RequirePermissions('commission.read')
  @ApiOkResponse({
    type: RuleSetSimulationDto,
    description: '按此方案重算一段时间内完成的订单，与实际入账对比（不写入）',
  })
  simulate(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: RuleSetSimulationRequestDto,
  ): Promise<RuleSetSimulation> {
    return this.trials.simulate(ctx, id, body);
  }

  @Post('preview')
  @HttpCode(200)
  @RequirePermissions('commission.read')
  @ApiOkResponse({
    type: CommissionPreviewDto,
    description: '试算：样例订单在给定规则下的佣金明细（不写入）',
  })
  preview(@Ctx() ctx: RequestContext, @Body() body: CommissionPreviewRequestDto): Promise<CommissionPreview> {
    return this.trials.preview(ctx, body);
  }
}
