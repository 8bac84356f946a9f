import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import {
  LevelChangeKind,
  LeaderStatus,
  type DownlineNode,
  type DownlineView,
  type LeaderLevel,
  type LeaderLevelChange,
  type LeaderLevelInput,
  type LeaderMetrics,
  type LevelCriteria,
  type LevelEvaluationResult,
  type SetLeaderLevelRequest,
} from '@linli/shared-types';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** ¥100,000,000.00: far above any 30-day GMV, far below the safe-integer limit. */
const MAX_GMV_FEN = 10_000_000_000;

export class LevelCriteriaDto implements LevelCriteria {
  @ApiProperty({ minimum: 0, description: '近30天GMV门槛（分）', example: 1000000 })
  @IsInt({ message: 'GMV门槛必须是整数（分）' })
  @Min(0, { message: 'GMV门槛不能为负数' })
  @Max(MAX_GMV_FEN, { message: 'GMV门槛过大' })
  minGmv30dFen!: number;

  @ApiProperty({ minimum: 0, description: '近30天活跃客户数门槛', example: 30 })
  @IsInt({ message: '活跃客户数必须是整数' })
  @Min(0, { message: '活跃客户数不能为负数' })
  @Max(1_000_000, { message: '活跃客户数过大' })
  minActiveCustomers30d!: number;
}

export class LeaderLevelInputDto implements LeaderLevelInput {
  @ApiProperty({ minLength: 1, maxLength: 16, example: '银牌团长' })
  @Transform(trim)
  @IsString({ message: '等级名称必须是文本' })
  @Length(1, 16, { message: '等级名称需为 1–16 个字' })
  name!: string;

  @ApiProperty({ minimum: 1, maximum: 99, description: '排序，越大等级越高；不可重复', example: 2 })
  @IsInt({ message: '排序必须是整数' })
  @Min(1, { message: '排序范围为 1–99' })
  @Max(99, { message: '排序范围为 1–99' })
  rank!: number;

  @ApiProperty({ minimum: 0, maximum: 10000, description: '默认佣金比例（基点：1000 = 10%）', example: 1200 })
  @IsInt({ message: '佣金比例必须是整数（基点）' })
  @Min(0, { message: '佣金比例范围为 0–100%' })
  @Max(10000, { message: '佣金比例范围为 0–100%' })
  commissionRateBps!: number;

  @ApiProperty({ type: LevelCriteriaDto, description: '升级到此等级需同时达到（最低等级忽略）' })
  @IsDefined({ message: '请填写升级门槛' })
  @ValidateNested()
  @Type(() => LevelCriteriaDto)
  upgrade!: LevelCriteriaDto;

  @ApiProperty({
    type: LevelCriteriaDto,
    description: '保持此等级需同时达到，任一不达标降一级（最低等级忽略）',
  })
  @IsDefined({ message: '请填写保级门槛' })
  @ValidateNested()
  @Type(() => LevelCriteriaDto)
  keep!: LevelCriteriaDto;
}

export class LeaderLevelDto extends LeaderLevelInputDto implements LeaderLevel {
  @ApiProperty() id!: number;
  @ApiProperty({ description: '当前处于此等级的团长数' }) leaderCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class LevelEvaluationResultDto implements LevelEvaluationResult {
  @ApiProperty({ description: '参与评估的正常团长数（不含保级期内的）' }) evaluated!: number;
  @ApiProperty({ description: '首次定级' }) initial!: number;
  @ApiProperty() upgraded!: number;
  @ApiProperty() downgraded!: number;
  @ApiProperty({ description: '手动调整后保级期内、本次跳过的团长数' }) held!: number;
}

export class SetLeaderLevelRequestDto implements SetLeaderLevelRequest {
  @ApiProperty({ example: 2 })
  @IsInt({ message: '请选择等级' })
  @Min(1, { message: '请选择等级' })
  levelId!: number;

  @ApiProperty({ minLength: 2, maxLength: 200, example: '社群运营表现突出，破格提升' })
  @Transform(trim)
  @IsString({ message: '原因必须是文本' })
  @Length(2, 200, { message: '原因需为 2–200 个字' })
  reason!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    default: 30,
    description: '保级天数：期间自动评估不调整此团长；0 表示不保级',
  })
  @IsOptional()
  @IsInt({ message: '保级天数必须是整数' })
  @Min(0, { message: '保级天数范围为 0–365' })
  @Max(365, { message: '保级天数范围为 0–365' })
  holdDays?: number;
}

export class LeaderMetricsDto implements LeaderMetrics {
  @ApiProperty({ description: '近30个营业日的GMV（分）' }) gmv30dFen!: number;
  @ApiProperty({ description: '近30天使用过小程序的绑定客户数' }) activeCustomers30d!: number;
  @ApiProperty({ format: 'date-time' }) measuredAt!: string;
}

const KINDS = Object.values(LevelChangeKind);

export class LeaderLevelChangeDto implements LeaderLevelChange {
  @ApiProperty() id!: number;
  @ApiProperty({ type: Number, nullable: true }) fromLevelId!: number | null;
  @ApiProperty({ type: String, nullable: true }) fromLevelName!: string | null;
  @ApiProperty() toLevelId!: number;
  @ApiProperty({ type: String, nullable: true, description: '等级已删除时为 null' }) toLevelName!:
    string | null;
  @ApiProperty({ enum: KINDS }) kind!: LevelChangeKind;
  @ApiProperty({ example: '近30天GMV ¥12,000.00 ≥ ¥10,000.00，活跃客户 35 ≥ 30' }) reason!: string;
  @ApiProperty({ type: Number, nullable: true, description: '当时的近30天GMV（分），手动调整为 null' })
  gmv30dFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) activeCustomers30d!: number | null;
  @ApiProperty({ enum: ['staff', 'system'] }) actorType!: 'staff' | 'system';
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

const STATUSES = Object.values(LeaderStatus);

export class DownlineNodeDto implements DownlineNode {
  @ApiProperty() leaderId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: LeaderStatus;
  @ApiProperty({ type: String, nullable: true }) levelName!: string | null;
  @ApiProperty({ type: String, nullable: true }) pickupPointName!: string | null;
  @ApiProperty({ description: '直接招募的团员数' }) recruitCount!: number;
  @ApiProperty({ description: '所有下级（任意层级）' }) descendantCount!: number;
}

export class UplineLinkDto {
  @ApiProperty() leaderId!: number;
  @ApiProperty() name!: string;
}

export class DownlineViewDto implements DownlineView {
  @ApiProperty({ type: DownlineNodeDto }) node!: DownlineNodeDto;
  @ApiProperty({ type: [UplineLinkDto], description: '从最上级到直接上级；顶层团长为空' })
  uplineChain!: UplineLinkDto[];
  @ApiProperty({ type: [DownlineNodeDto], description: '直接招募的团员，最早在前' })
  children!: DownlineNodeDto[];
}
