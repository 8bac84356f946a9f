import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CommissionBalance,
  CommissionDetailLine,
  CommissionEntryStatus,
  CommissionEntryType,
  CommissionEntryView,
  CommissionPreview,
  CommissionRules,
  CommissionStatement,
  LeaderCommissionOverview,
  LeaderCommissionRow,
  Paged,
  RuleSetSimulation,
  RuleSetStatus,
  RuleSetView,
  StatementPeriod,
  StatementSummary,
  WithdrawalConfirmation,
  WithdrawalMethod,
  WithdrawalStatus,
  WithdrawalView,
} from '@linli/shared-types';

export class RuleSetViewDto implements RuleSetView {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: Number }) version!: number | null;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: RuleSetStatus;
  @ApiProperty({ nullable: true, type: String }) effectiveFrom!: string | null;
  @ApiProperty({ description: '当前生效的方案' }) current!: boolean;
  @ApiProperty({ description: 'CommissionRules' }) rules!: CommissionRules;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedBy!: string | null;
}

export class CommissionDetailLineDto implements CommissionDetailLine {
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, type: Number }) baseFen!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rateBps!: number | null;
  @ApiProperty({ nullable: true, type: Number }) fixedFen!: number | null;
  @ApiProperty({ nullable: true, type: Number }) units!: number | null;
  @ApiProperty({ description: '本行精确金额（分，可有小数；整条流水只取整一次）' }) amount!: number;
  @ApiProperty() rule!: string;
}

export class CommissionEntryViewDto implements CommissionEntryView {
  @ApiProperty() id!: number;
  @ApiProperty() leaderId!: number;
  @ApiProperty() leaderName!: string;
  @ApiProperty() type!: CommissionEntryType;
  @ApiProperty({ description: '分，负数为冲回或提现' }) amount!: number;
  @ApiProperty() status!: CommissionEntryStatus;
  @ApiProperty({ nullable: true, type: Number }) orderId!: number | null;
  @ApiProperty({ nullable: true, type: String }) orderNo!: string | null;
  @ApiProperty({ nullable: true, type: Number }) ruleSetId!: number | null;
  @ApiProperty({ nullable: true, type: Number }) ruleSetVersion!: number | null;
  @ApiProperty() availableAt!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: [CommissionDetailLineDto] }) details!: CommissionDetailLineDto[];
  @ApiProperty() createdAt!: string;
}

export class CommissionEntryPagedDto implements Paged<CommissionEntryView> {
  @ApiProperty({ type: [CommissionEntryViewDto] }) items!: CommissionEntryViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class CommissionPreviewDto implements CommissionPreview {
  @ApiProperty({ description: '订单佣金、推荐奖励与（按本月销售额估算的）阶梯奖励' })
  entries!: CommissionPreview['entries'];
}

export class RuleSetSimulationDto implements RuleSetSimulation {
  @ApiProperty() orders!: number;
  @ApiProperty() leaders!: number;
  @ApiProperty() recordedFen!: number;
  @ApiProperty() simulatedFen!: number;
  @ApiProperty() biggestChanges!: RuleSetSimulation['biggestChanges'];
  @ApiProperty() elapsedMs!: number;
}

export class CommissionBalanceDto implements CommissionBalance {
  @ApiProperty() leaderId!: number;
  @ApiProperty() frozen!: number;
  @ApiProperty() available!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty() today!: number;
  @ApiProperty() thisMonth!: number;
}

export class LeaderCommissionRowDto extends CommissionBalanceDto implements LeaderCommissionRow {
  @ApiProperty() leaderName!: string;
  @ApiProperty({ nullable: true, type: String }) levelName!: string | null;
}

export class LeaderCommissionPagedDto implements Paged<LeaderCommissionRow> {
  @ApiProperty({ type: [LeaderCommissionRowDto] }) items!: LeaderCommissionRowDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class WithdrawalViewDto implements WithdrawalView {
  @ApiProperty() id!: number;
  @ApiProperty() leaderId!: number;
  @ApiProperty() leaderName!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: ['wechat', 'bank'] }) method!: WithdrawalMethod;
  @ApiProperty() status!: WithdrawalStatus;
  @ApiPropertyOptional({ nullable: true }) bankAccount!: WithdrawalView['bankAccount'];
  @ApiProperty({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty({ description: '等待团长在小程序中确认收款' }) awaitingConfirmation!: boolean;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt!: string | null;
}

export class WithdrawalPagedDto implements Paged<WithdrawalView> {
  @ApiProperty({ type: [WithdrawalViewDto] }) items!: WithdrawalViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class WithdrawalConfirmationDto implements WithdrawalConfirmation {
  @ApiProperty({ enum: ['wechat', 'simulator'] }) mode!: 'wechat' | 'simulator';
  @ApiProperty() mchId!: string;
  @ApiProperty() appId!: string;
  @ApiProperty() package!: string;
}

export class LeaderCommissionOverviewDto implements LeaderCommissionOverview {
  @ApiProperty({ type: CommissionBalanceDto }) balance!: CommissionBalanceDto;
  @ApiProperty() minWithdrawFen!: number;
  @ApiProperty({ type: WithdrawalViewDto, nullable: true }) openWithdrawal!: WithdrawalViewDto | null;
  @ApiProperty() rules!: LeaderCommissionOverview['rules'];
  @ApiProperty() autoApproveFen!: number;
  @ApiProperty({ enum: ['wechat', 'bank'], isArray: true }) methods!: WithdrawalMethod[];
}

export class CommissionStatementDto implements CommissionStatement {
  @ApiProperty() leaderId!: number;
  @ApiProperty() leaderName!: string;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) period!: StatementPeriod;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: [CommissionEntryViewDto] }) entries!: CommissionEntryViewDto[];
  @ApiProperty() orders!: CommissionStatement['orders'];
  @ApiProperty() totals!: CommissionStatement['totals'];
}

export class StatementSummaryDto implements StatementSummary {
  @ApiProperty({ enum: ['day', 'week', 'month'] }) period!: StatementPeriod;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() rows!: StatementSummary['rows'];
  @ApiProperty() total!: number;
}
