import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Paged, RoleDefinition, StaffProfile } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { RequirePermissions } from '../auth/require-permissions.decorator';
import { StaffService } from '../staff.service';
import {
  CreateStaffRequestDto,
  ResetStaffPasswordRequestDto,
  RoleDefinitionDto,
  StaffListQueryDto,
  StaffPageDto,
  StaffProfileDto,
  UpdateStaffRequestDto,
} from './dto/staff.dto';
import { ParseIdPipe } from './parse-id.pipe';

@ApiTags('admin: 员工')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin')
export class AdminStaffController {
  constructor(private readonly staff: StaffService) {}

  /** Any logged-in staff member may read the role catalogue (the admin web labels roles with it). */
  @Get('roles')
  @ApiOkResponse({ type: [RoleDefinitionDto] })
  roles(@Ctx() ctx: RequestContext): RoleDefinition[] {
    return this.staff.roles(ctx);
  }

  @Get('staff')
  @RequirePermissions('staff.read')
  @ApiOkResponse({ type: StaffPageDto })
  list(@Ctx() ctx: RequestContext, @Query() query: StaffListQueryDto): Promise<Paged<StaffProfile>> {
    return this.staff.list(ctx, query);
  }

  @Post('staff')
  @RequirePermissions('staff.write')
  @ApiCreatedResponse({ type: StaffProfileDto })
  @ApiConflictResponse({ description: 'STAFF_USERNAME_TAKEN', type: ApiErrorBodyDto })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateStaffRequestDto): Promise<StaffProfile> {
    return this.staff.create(ctx, body);
  }

  @Get('staff/:id')
  @RequirePermissions('staff.read')
  @ApiOkResponse({ type: StaffProfileDto })
  @ApiNotFoundResponse({ description: 'STAFF_NOT_FOUND', type: ApiErrorBodyDto })
  get(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<StaffProfile> {
    return this.staff.get(ctx, id);
  }

  @Patch('staff/:id')
  @RequirePermissions('staff.write')
  @ApiOkResponse({ type: StaffProfileDto })
  @ApiConflictResponse({ description: 'STAFF_LAST_ADMIN', type: ApiErrorBodyDto })
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: UpdateStaffRequestDto,
  ): Promise<StaffProfile> {
    return this.staff.update(ctx, id, body);
  }

  @Post('staff/:id/reset-password')
  @RequirePermissions('staff.write')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '密码已重置，该员工的所有登录会话失效' })
  async resetPassword(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: ResetStaffPasswordRequestDto,
  ): Promise<void> {
    await this.staff.resetPassword(ctx, id, body.password);
  }

  @Post('staff/:id/disable')
  @RequirePermissions('staff.write')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffProfileDto })
  @ApiConflictResponse({
    description: 'STAFF_CANNOT_DISABLE_SELF 或 STAFF_LAST_ADMIN',
    type: ApiErrorBodyDto,
  })
  disable(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<StaffProfile> {
    return this.staff.disable(ctx, id);
  }

  @Post('staff/:id/enable')
  @RequirePermissions('staff.write')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffProfileDto })
  enable(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<StaffProfile> {
    return this.staff.enable(ctx, id);
  }
}
