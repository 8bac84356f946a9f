import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  CommissionEntryView,
  CommissionStatement,
  LeaderCommissionRow,
  Paged,
  StatementSummary,
} from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext, sendXlsx, XLSX_TYPE } from '../../../platform';
import { RequirePermissions } from '../../identity';
import { AdjustmentsService } from '../adjustments.service';
import { CommissionQueries } from '../commission-queries.service';
import { statementWorkbook, summaryWorkbook } from '../statement-workbooks';
import { StatementsService } from '../statements.service';
import {
  CommissionAdjustmentRequestDto,
  CommissionEntryQueryDto,
  LeaderCommissionQueryDto,
  LeaderStatementQueryDto,
  StatementQueryDto,
} from './dto/commission-input.dto';
import {
  CommissionEntryPagedDto,
  CommissionEntryViewDto,
  CommissionStatementDto,
  LeaderCommissionPagedDto,
  StatementSummaryDto,
} from './dto/commission-view.dto';

@ApiTags('admin: 佣金结算')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/commission')
export class AdminCommissionLedgerController {
  constructor(
    private readonly queries: CommissionQueries,
    private readonly adjustments: AdjustmentsService,
    private readonly statements: StatementsService,
  ) {}

  @Get('entries')
  @RequirePermissions('commission.read')
  @ApiOkResponse({ type: CommissionEntryPagedDto, description: '佣金流水，最新在前' })
  entries(
    @Ctx() ctx: RequestContext,
    @Query() query: CommissionEntryQueryDto,
  ): Promise<Paged<CommissionEntryView>> {
    return this.queries.adminEntries(ctx, query);
  }

  @Get('leaders')
  @RequirePermissions('commission.read')
  @ApiOkResponse({ type: LeaderCommissionPagedDto, description: '团长佣金余额（由流水汇总）' })
  leaders(
    @Ctx() ctx: RequestContext,
    @Query() query: LeaderCommissionQueryDto,
  ): Promise<Paged<LeaderCommissionRow>> {
    return this.queries.leaderBalances(ctx, query);
  }

  @Post('adjustments')
  @RequirePermissions('commission.write')
  @ApiCreatedResponse({
    type: CommissionEntryViewDto,
    description: '人工调整（立即可提现，记审计日志；requestId 幂等）',
  })
  adjust(
    @Ctx() ctx: RequestContext,
    @Body() body: CommissionAdjustmentRequestDto,
  ): Promise<CommissionEntryView> {
    return this.adjustments.adjust(ctx, body);
  }

  @Get('statements')
  @RequirePermissions('commission.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ type: CommissionStatementDto, description: '团长对账单；format=xlsx 下载 Excel' })
  async statement(
    @Ctx() ctx: RequestContext,
    @Query() query: LeaderStatementQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommissionStatement | Buffer> {
    const statement = await this.statements.forStaff(ctx, query);
    if (query.format !== 'xlsx') return statement;
    const name = `对账单-${statement.leaderName}-${statement.from}至${statement.to}.xlsx`;
    return sendXlsx(reply, name, await statementWorkbook(statement));
  }

  @Get('statements/summary')
  @RequirePermissions('commission.read')
  @ApiProduces('application/json', XLSX_TYPE)
  @ApiOkResponse({ type: StatementSummaryDto, description: '全部团长的周期汇总；format=xlsx 下载 Excel' })
  async summary(
    @Ctx() ctx: RequestContext,
    @Query() query: StatementQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatementSummary | Buffer> {
    const summary = await this.statements.summary(ctx, query);
    if (query.format !== 'xlsx') return summary;
    return sendXlsx(reply, `佣金汇总-${summary.from}至${summary.to}.xlsx`, await summaryWorkbook(summary));
  }
}
