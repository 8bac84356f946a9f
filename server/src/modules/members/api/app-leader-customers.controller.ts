import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { LeaderCustomerView, Paged } from '@linli/shared-types';
import { ApiErrorBodyDto, ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { LeaderCustomersService } from '../leader-customers.service';
import { LeaderCustomerPageDto, LeaderCustomerQueryDto } from './dto/communities.dto';

/** Lives with members: a leader's customers are member rows (bindings and memberships). */
@ApiTags('app: 团长')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/leader/customers')
export class AppLeaderCustomersController {
  constructor(private readonly customers: LeaderCustomersService) {}

  @Get()
  @ApiOkResponse({
    type: LeaderCustomerPageDto,
    description: '我的客户：绑定在我这里的会员，或某个我的社群的成员；最新在前',
  })
  @ApiForbiddenResponse({ description: 'LEADER_NOT_ACTIVE：不是正常状态的团长', type: ApiErrorBodyDto })
  @ApiNotFoundResponse({ description: 'COMMUNITY_NOT_FOUND：不是自己的社群', type: ApiErrorBodyDto })
  list(
    @Ctx() ctx: RequestContext,
    @Query() query: LeaderCustomerQueryDto,
  ): Promise<Paged<LeaderCustomerView>> {
    return this.customers.list(ctx, query);
  }
}
