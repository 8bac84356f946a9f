import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { MemberProfile } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { MembersService } from '../members.service';
import { PickupPointsService } from '../pickup-points.service';
import { MemberProfileDto } from './dto/app-auth.dto';
import { ChoosePickupPointRequestDto } from './dto/members.dto';

@ApiTags('app: 我的')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/me')
export class AppMeController {
  constructor(
    private readonly members: MembersService,
    private readonly pickupPoints: PickupPointsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MemberProfileDto })
  me(@Ctx() ctx: RequestContext): Promise<MemberProfile> {
    return this.members.me(ctx);
  }

  @Post('pickup-point')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberProfileDto, description: '切换到另一位营业中团长的自提点' })
  @ApiBadRequestResponse({
    description: 'MEMBER_TARGET_LEADER_INVALID：团长不存在或未营业',
    type: ApiErrorBodyDto,
  })
  @ApiConflictResponse({ description: 'MEMBER_ALREADY_AT_LEADER：已是当前自提点', type: ApiErrorBodyDto })
  choosePickupPoint(
    @Ctx() ctx: RequestContext,
    @Body() body: ChoosePickupPointRequestDto,
  ): Promise<MemberProfile> {
    return this.pickupPoints.choose(ctx, body.leaderId);
  }
}
