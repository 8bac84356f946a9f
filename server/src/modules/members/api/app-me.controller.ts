import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { MemberProfile } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { MembersService } from '../members.service';
import { MemberProfileDto } from './dto/app-auth.dto';

@ApiTags('app: 我的')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/me')
export class AppMeController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOkResponse({ type: MemberProfileDto })
  me(@Ctx() ctx: RequestContext): Promise<MemberProfile> {
    return this.members.me(ctx);
  }
}
