import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Paged, WithdrawalView } from '@linli/shared-types';
import { ApiErrorResponses, Ctx, RequestContext, sendXlsx, XLSX_TYPE } from '../../../platform';
import { ParseIdPipe, RequirePermissions } from '../../identity';
import { bankBatchWorkbook } from '../statement-workbooks';
import { WithdrawalsService } from '../withdrawals.service';
import { WithdrawalQueryDto, WithdrawalReviewRequestDto } from './dto/commission-input.dto';
import { WithdrawalPagedDto, WithdrawalViewDto } from './dto/commission-view.dto';

@ApiTags('admin: 提现审核')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('admin/commission/withdrawals')
export class AdminWithdrawalsController {
  constructor(private readonly withdrawals: WithdrawalsService) {}

  @Get()
  @RequirePermissions('commission.read')
  @ApiOkResponse({ type: WithdrawalPagedDto, description: '待审核的最早在前，其余最新在前' })
  list(@Ctx() ctx: RequestContext, @Query() query: WithdrawalQueryDto): Promise<Paged<WithdrawalView>> {
    return this.withdrawals.adminList(ctx, query);
  }

  @Post('bank-batch')
  @HttpCode(200)
  @RequirePermissions('withdrawals.approve')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: '已通过的银行卡提现导出为打款批次 Excel，并改为“打款中”' })
  async bankBatch(
    @Ctx() ctx: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { batchNo, withdrawals } = await this.withdrawals.takeBankBatch(ctx);
    return sendXlsx(reply, `银行打款批次-${batchNo}.xlsx`, await bankBatchWorkbook(batchNo, withdrawals));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermissions('withdrawals.approve')
  @ApiOkResponse({ type: WithdrawalViewDto, description: '通过：微信提现随即打款；银行卡提现进入打款批次' })
  approve(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<WithdrawalView> {
    return this.withdrawals.approve(ctx, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermissions('withdrawals.approve')
  @ApiOkResponse({ type: WithdrawalViewDto, description: '驳回（写明原因），金额退回佣金余额' })
  reject(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: WithdrawalReviewRequestDto,
  ): Promise<WithdrawalView> {
    return this.withdrawals.reject(ctx, id, body.reason);
  }

  @Post(':id/mark-paid')
  @HttpCode(200)
  @RequirePermissions('withdrawals.approve')
  @ApiOkResponse({ type: WithdrawalViewDto, description: '银行卡提现：已打款' })
  markPaid(@Ctx() ctx: RequestContext, @Param('id', ParseIdPipe) id: number): Promise<WithdrawalView> {
    return this.withdrawals.markPaid(ctx, id);
  }

  @Post(':id/mark-failed')
  @HttpCode(200)
  @RequirePermissions('withdrawals.approve')
  @ApiOkResponse({
    type: WithdrawalViewDto,
    description: '银行卡提现：打款失败（写明原因），金额退回佣金余额',
  })
  markFailed(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseIdPipe) id: number,
    @Body() body: WithdrawalReviewRequestDto,
  ): Promise<WithdrawalView> {
    return this.withdrawals.markFailed(ctx, id, body.reason);
  }
}
