import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Paged, PickupPointChoice } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext } from '../../../platform';
import { PickupPointsService } from '../pickup-points.service';
import { PickupPointChoicePageDto, PickupPointSearchQueryDto } from './dto/members.dto';

@ApiTags('app: 自提点')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/pickup-points')
export class AppPickupPointsController {
  constructor(private readonly pickupPoints: PickupPointsService) {}

  @Get()
  @ApiOkResponse({
    type: PickupPointChoicePageDto,
    description: '营业中团长的自提点；给出经纬度时由近到远（无坐标的排最后），否则按名称',
  })
  search(
    @Ctx() ctx: RequestContext,
    @Query() query: PickupPointSearchQueryDto,
  ): Promise<Paged<PickupPointChoice>> {
    return this.pickupPoints.search(ctx, query);
  }
}
