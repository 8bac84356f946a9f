import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBadGatewayResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { MemberProfile } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { MemberPhoneService } from '../member-phone.service';
import { MembersService } from '../members.service';
import { PickupPointsService } from '../pickup-points.service';
import { MemberProfileDto } from './dto/app-auth.dto';
import { TypedPhoneRequestDto, WechatPhoneRequestDto } from './dto/member-phone.dto';
import { ChoosePickupPointRequestDto } from './dto/members.dto';

@ApiTags('app: 我的')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/me')
export class AppMeController {
  constructor(
    private readonly members: MembersService,
    private readonly pickupPoints: PickupPointsService,
    private readonly phones: MemberPhoneService,
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

  @Post('phone/wechat')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberProfileDto, description: '用微信 getPhoneNumber 按钮的 code 绑定手机号' })
  @ApiBadRequestResponse({
    description: 'MEMBER_PHONE_CODE_INVALID：授权码无效或已使用',
    type: ApiErrorBodyDto,
  })
  @ApiServiceUnavailableResponse({ description: 'AUTH_WECHAT_NOT_CONFIGURED', type: ApiErrorBodyDto })
  @ApiBadGatewayResponse({
    description: 'AUTH_WECHAT_UNAVAILABLE：微信接口出错或超时',
    type: ApiErrorBodyDto,
  })
  setPhoneFromWechat(
    @Ctx() ctx: RequestContext,
    @Body() body: WechatPhoneRequestDto,
  ): Promise<MemberProfile> {
    return this.phones.setFromWechat(ctx, body.code);
  }

  @Post('phone')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberProfileDto, description: '手动填写手机号（H5）' })
  @ApiBadRequestResponse({ description: 'MEMBER_PHONE_INVALID：不是中国大陆手机号', type: ApiErrorBodyDto })
  setTypedPhone(@Ctx() ctx: RequestContext, @Body() body: TypedPhoneRequestDto): Promise<MemberProfile> {
    return this.phones.setTyped(ctx, body.phone);
  }
}
