import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { LeaderAgreement, LeaderApplicationView, RecruitView } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, Public, RequestContext } from '../../../platform';
import { LeaderApplicationsService } from '../leader-applications.service';
import {
  LeaderAgreementDto,
  LeaderApplicationRequestDto,
  LeaderApplicationViewDto,
  RecruitViewDto,
} from './dto/leader-application.dto';

@ApiTags('app: 团长')
@ApiErrorResponses()
@Controller('app')
export class AppLeaderApplicationsController {
  constructor(private readonly applications: LeaderApplicationsService) {}

  @Public()
  @Get('leader-agreement')
  @ApiOkResponse({ type: LeaderAgreementDto, description: '当前版本的团长合作协议' })
  agreement(): LeaderAgreement {
    return this.applications.agreement();
  }

  @ApiBearerAuth()
  @Post('leader-applications')
  @ApiCreatedResponse({ type: LeaderApplicationViewDto, description: '申请已提交，待审核' })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED、LEADER_AGREEMENT_NOT_ACCEPTED、LEADER_AGREEMENT_OUTDATED 或 LEADER_INVITE_CODE_INVALID',
    type: ApiErrorBodyDto,
  })
  @ApiConflictResponse({ description: 'LEADER_ALREADY_EXISTS：已是团长或申请审核中', type: ApiErrorBodyDto })
  apply(
    @Ctx() ctx: RequestContext,
    @Body() body: LeaderApplicationRequestDto,
  ): Promise<LeaderApplicationView> {
    return this.applications.apply(ctx, body);
  }

  @ApiBearerAuth()
  @Get('leader-applications/mine')
  @ApiOkResponse({
    type: LeaderApplicationViewDto,
    description: '自己的团长申请/团长资料；从未申请过时为 null',
  })
  mine(@Ctx() ctx: RequestContext): Promise<LeaderApplicationView | null> {
    return this.applications.mine(ctx);
  }

  @ApiBearerAuth()
  @Get('leader/recruits')
  @ApiOkResponse({ type: [RecruitViewDto], description: '我的团员：直接招募的团长，最新在前' })
  @ApiForbiddenResponse({ description: 'LEADER_NOT_ACTIVE：不是正常状态的团长', type: ApiErrorBodyDto })
  recruits(@Ctx() ctx: RequestContext): Promise<RecruitView[]> {
    return this.applications.recruits(ctx);
  }
}
