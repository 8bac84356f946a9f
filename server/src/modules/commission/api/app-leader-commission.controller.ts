import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type {
  CommissionEntryView,
  CommissionStatement,
  LeaderCommissionOverview,
  Paged,
  WithdrawalConfirmation,
  WithdrawalView,
} from '@linli/shared-types';
import { ApiErrorResponses, Ctx, PageQueryDto, RequestContext } from '../../../platform';
import { ParseIdPipe } from '../../identity';
import { CommissionQueries } from '../commission-queries.service';
import { PayoutConfirmations } from '../payout-confirmations';
import { StatementsService } from '../statements.service';
import { WithdrawalsService } from '../withdrawals.service';
import {
  CommissionEntryQueryDto,
  SimulateTransferRequestDto,
  StatementQueryDto,
  WithdrawalRequestDto,
} from './dto/commission-input.dto';
import {
  CommissionEntryPagedDto,
  CommissionStatementDto,
  LeaderCommissionOverviewDto,
  WithdrawalConfirmationDto,
  WithdrawalPagedDto,
  WithdrawalViewDto,
} from './dto/commission-view.dto';

@ApiTags('app: 团长佣金')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('app/leader/commission')
export class AppLeaderCommissionController {
  constructor(
    private readonly queries: CommissionQueries,
    private readonly statements: StatementsService,
    private readonly withdrawals: WithdrawalsService,
    private readonly confirmations: PayoutConfirmations,
  ) {}

  @Get()
  @ApiOkResponse({ type: LeaderCommissionOverviewDto, description: '今日、本月、冻结中、可提现' })
  overview(@Ctx() ctx: RequestContext): Promise<LeaderCommissionOverview> {
    return this.queries.overview(ctx);
  }

  @Get('entries')
  @ApiOkResponse({ type: CommissionEntryPagedDto, description: '我的佣金流水（含订单与计算依据）' })
  entries(
    @Ctx() ctx: RequestContext,
    @Query() query: CommissionEntryQueryDto,
  ): Promise<Paged<CommissionEntryView>> {
    return this.queries.leaderEntries(ctx, query);
  }

  @Get('statement')
  @ApiOkResponse({ type: CommissionStatementDto, description: '我的对账单（日 / 周 / 月）' })
  statement(@Ctx() ctx: RequestContext, @Query() query: StatementQueryDto): Promise<CommissionStatement> {
    return this.statements.forLeader(ctx, query);
  }

  @Get('withdrawals')
  @ApiOkResponse({ type: WithdrawalPagedDto, description: '我的提现记录' })
  withdrawalList(@Ctx() ctx: RequestContext, @Query() query: PageQueryDto): Promise<Paged<WithdrawalView>> {
    return this.withdrawals.leaderList(ctx, query);
  }

  @Post('withdrawals')
  @ApiCreatedResponse({
    type: WithdrawalViewDto,
    description:
      '申请提现（WITHDRAWAL_BELOW_MINIMUM / WITHDRAWAL_OVER_BALANCE / WITHDRAWAL_OPEN_EXISTS）；同一 requestId 重试返回同一笔',
  })
  request(@Ctx() ctx: RequestContext, @Body() body: WithdrawalRequestDto): Promise<WithdrawalView> {
    return this.withdrawals.request(ctx, body);
  }

  @Post('withdrawals/:id/confirmation')
  @HttpCode(200)
  @ApiOkResponse({ type: WithdrawalConfirmationDto, description: '确认收款所需参数（每次重新获取）' })
  confirmation(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
  ): Promise<WithdrawalConfirmation> {
    return this.confirmations.confirmation(ctx, id);
  }

  @Post('withdrawals/:id/simulate')
  @HttpCode(200)
  @ApiOkResponse({ type: WithdrawalViewDto, description: '模拟确认收款（仅 PAYMENT_PROVIDER=simulator）' })
  simulate(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: SimulateTransferRequestDto,
  ): Promise<WithdrawalView> {
    return this.confirmations.simulate(ctx, id, body.accept);
  }

  @Post('withdrawals/:id/sync')
  @HttpCode(200)
  @ApiOkResponse({ type: WithdrawalViewDto, description: '向微信支付查询打款结果' })
  sync(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<WithdrawalView> {
    return this.confirmations.sync(ctx, id);
  }
}
