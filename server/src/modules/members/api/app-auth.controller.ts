import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadGatewayResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AppAuthOptions, MemberLoginResponse } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, Public, RequestContext } from '../../../platform';
import { LOGIN_RATE_LIMIT, RefreshRequestDto } from '../../identity';
import { MemberAuthService } from '../member-auth.service';
import {
  AppAuthOptionsDto,
  DevLoginRequestDto,
  MemberLoginResponseDto,
  WechatLoginRequestDto,
} from './dto/app-auth.dto';

@ApiTags('app: 登录')
@Public()
@ApiErrorResponses()
@Controller('app/auth')
export class AppAuthController {
  constructor(private readonly auth: MemberAuthService) {}

  @Get('options')
  @ApiOkResponse({ type: AppAuthOptionsDto })
  options(): AppAuthOptions {
    return this.auth.options();
  }

  @RouteConfig(LOGIN_RATE_LIMIT)
  @Post('wechat-login')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberLoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_WECHAT_CODE_INVALID', type: ApiErrorBodyDto })
  @ApiServiceUnavailableResponse({ description: 'AUTH_WECHAT_NOT_CONFIGURED', type: ApiErrorBodyDto })
  @ApiBadGatewayResponse({
    description: 'AUTH_WECHAT_UNAVAILABLE：微信接口出错或超时',
    type: ApiErrorBodyDto,
  })
  wechatLogin(@Ctx() ctx: RequestContext, @Body() body: WechatLoginRequestDto): Promise<MemberLoginResponse> {
    return this.auth.wechatLogin(ctx, body);
  }

  @RouteConfig(LOGIN_RATE_LIMIT)
  @Post('dev-login')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberLoginResponseDto })
  @ApiForbiddenResponse({ description: 'AUTH_DEV_LOGIN_DISABLED', type: ApiErrorBodyDto })
  devLogin(@Ctx() ctx: RequestContext, @Body() body: DevLoginRequestDto): Promise<MemberLoginResponse> {
    return this.auth.devLogin(ctx, body);
  }

  @RouteConfig(LOGIN_RATE_LIMIT)
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: MemberLoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'AUTH_REFRESH_INVALID', type: ApiErrorBodyDto })
  refresh(@Ctx() ctx: RequestContext, @Body() body: RefreshRequestDto): Promise<MemberLoginResponse> {
    return this.auth.refresh(ctx, body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Ctx() ctx: RequestContext, @Body() body: RefreshRequestDto): Promise<void> {
    await this.auth.logout(ctx, body.refreshToken);
  }
}
