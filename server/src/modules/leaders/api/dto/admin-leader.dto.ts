import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import {
  LeaderStatus,
  type LeaderDetail,
  type LeaderListItem,
  type LeaderListQuery,
  type LeaderStatusReasonRequest,
  type Paged,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';
import { RecruitViewDto } from './leader-application.dto';
import { LeaderLevelChangeDto, LeaderMetricsDto } from './leader-level.dto';
import { PickupPointSummaryDto } from './leader-summary.dto';

const STATUSES = Object.values(LeaderStatus);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LeaderListQueryDto extends PageQueryDto implements LeaderListQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: 'pending 即待审核的申请' })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态只能是 pending、active、rejected 或 suspended' })
  status?: LeaderStatus;

  @ApiPropertyOptional({ description: '匹配姓名、手机号、邀请码或自提点名称' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(40, { message: '关键词最长 40 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ description: '只看此等级的团长' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '等级编号必须是整数' })
  @Min(1, { message: '等级编号必须是正整数' })
  levelId?: number;
}

export class LeaderListItemDto implements LeaderListItem {
  @ApiProperty() id!: number;
  @ApiProperty() memberId!: number;
  @ApiProperty({ example: '王丽华' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: LeaderStatus;
  @ApiProperty() inviteCode!: string;
  @ApiProperty({ type: String, nullable: true }) pickupPointName!: string | null;
  @ApiProperty({ type: String, nullable: true }) pickupPointAddress!: string | null;
  @ApiProperty({ type: Number, nullable: true }) uplineLeaderId!: number | null;
  @ApiProperty({ type: String, nullable: true }) uplineName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) levelId!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '银牌团长' }) levelName!: string | null;
  @ApiProperty({ description: '直接招募的团员数' }) recruitCount!: number;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
}

export class LeaderPageDto implements Paged<LeaderListItem> {
  @ApiProperty({ type: [LeaderListItemDto] }) items!: LeaderListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class LeaderDetailDto extends LeaderListItemDto implements LeaderDetail {
  @ApiProperty({ type: PickupPointSummaryDto, nullable: true }) pickupPoint!: PickupPointSummaryDto | null;
  @ApiProperty({ type: String, nullable: true }) agreementVersion!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreementAcceptedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) statusReason!: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedByName!: string | null;
  @ApiProperty({ type: [RecruitViewDto], description: '直接招募的团员，最新在前（最多 100 个）' })
  recruits!: RecruitViewDto[];
  @ApiProperty({ type: LeaderMetricsDto, description: '等级评估使用的近30天数据' })
  metrics!: LeaderMetricsDto;
  @ApiProperty({ type: [LeaderLevelChangeDto], description: '等级变动记录，最新在前（最多 100 条）' })
  levelHistory!: LeaderLevelChangeDto[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '手动调整后的保级截止时间：此前自动评估跳过该团长',
  })
  levelHoldUntil!: string | null;
  @ApiProperty({ description: '当前绑定的客户数' }) customerCount!: number;
  @ApiProperty({ description: '社群数' }) communityCount!: number;
}

export class LeaderStatusReasonRequestDto implements LeaderStatusReasonRequest {
  @ApiProperty({ minLength: 2, maxLength: 200, description: '会展示给团长', example: '自提点地址无法核实' })
  @Transform(trim)
  @IsString({ message: '原因必须是文本' })
  @Length(2, 200, { message: '原因需为 2–200 个字' })
  reason!: string;
}
