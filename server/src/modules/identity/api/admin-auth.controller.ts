import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { StaffLoginResponse, StaffProfile } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, Public, RequestContext } from '../../../platform';
import { StaffAuthService } from '../staff-auth.service';
import { RefreshRequestDto, StaffLoginRequestDto, StaffLoginResponseDto } from './dto/auth.dto';
import { StaffProfileDto } from './dto/staff.dto';
import { LOGIN_RATE_LIMIT } from './login-rate-limit';

@ApiTags('admin: 登录')
@ApiErrorResponses()
@Controller('admin/auth')
export class AdminAuthController {
  constructor(private readonly auth: StaffAuthService) {}

  @Public()
  @RouteConfig(LOGIN_RATE_LIMIT)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResponseDto })
  @ApiUnauthorizedResponse({
    description: 'AUTH_INVALID_CREDENTIALS 或 AUTH_ACCOUNT_DISABLED',
    type: ApiErrorBodyDto,
  })
  login(@Ctx() ctx: RequestContext, @Body() body: StaffLoginRequestDto): Promise<StaffLoginResponse> {
    return this.auth.login(ctx, body);
  }

  @Public()
  @RouteConfig(LOGIN_RATE_LIMIT)
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffLoginResponseDto })
  @ApiUnauthorizedResponse({
    description: 'AUTH_REFRESH_INVALID 或 AUTH_ACCOUNT_DISABLED',
    type: ApiErrorBodyDto,
  })
  refresh(@Ctx() ctx: RequestContext, @Body() body: RefreshRequestDto): Promise<StaffLoginResponse> {
    return this.auth.refresh(ctx, body.refreshToken);
  }

  /** Public so an expired access token does not prevent ending the session. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Ctx() ctx: RequestContext, @Body() body: RefreshRequestDto): Promise<void> {
    await this.auth.logout(ctx, body.refreshToken);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: StaffProfileDto })
  me(@Ctx() ctx: RequestContext): Promise<StaffProfile> {
    return this.auth.me(ctx);
  }
}
