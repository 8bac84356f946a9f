import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  LeaderStatus,
  type LeaderAgreement,
  type LeaderApplicationRequest,
  type LeaderApplicationView,
  type PickupPointInput,
  type RecruitView,
} from '@linli/shared-types';
import { PickupPointSummaryDto } from './leader-summary.dto';

const STATUSES = Object.values(LeaderStatus);
const MOBILE = /^1[3-9][0-9]{9}$/;
/** A mainland mobile, or a landline with area code and optional extension (0571-88886666-123). */
const CONTACT_PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LeaderAgreementDto implements LeaderAgreement {
  @ApiProperty({ example: '2026-11-v1' }) version!: string;
  @ApiProperty({ example: '邻里团购团长合作协议' }) title!: string;
  @ApiProperty({ description: '纯文本，段落之间空一行' }) content!: string;
}

export class PickupPointInputDto implements PickupPointInput {
  @ApiProperty({ example: '翠苑一区自提点', minLength: 2, maxLength: 40 })
  @Transform(trim)
  @IsString({ message: '自提点名称必须是文本' })
  @Length(2, 40, { message: '自提点名称需为 2–40 个字' })
  name!: string;

  @ApiProperty({ example: '杭州市西湖区文三路 478 号翠苑一区 12 幢底商', minLength: 5, maxLength: 120 })
  @Transform(trim)
  @IsString({ message: '地址必须是文本' })
  @Length(5, 120, { message: '地址需为 5–120 个字' })
  address!: string;

  @ApiProperty({ type: Number, nullable: true, minimum: -90, maximum: 90, example: 30.2793 })
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度必须是数字或 null' })
  @Min(-90, { message: '纬度需在 -90 到 90 之间' })
  @Max(90, { message: '纬度需在 -90 到 90 之间' })
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: -180, maximum: 180, example: 120.1213 })
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度必须是数字或 null' })
  @Min(-180, { message: '经度需在 -180 到 180 之间' })
  @Max(180, { message: '经度需在 -180 到 180 之间' })
  longitude!: number | null;

  @ApiProperty({ example: '每天 08:00–21:00', minLength: 1, maxLength: 40 })
  @Transform(trim)
  @IsString({ message: '营业时间必须是文本' })
  @Length(1, 40, { message: '营业时间需为 1–40 个字' })
  openingHours!: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '手机或座机，默认为申请人手机号' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '联系电话必须是文本' })
  @Matches(CONTACT_PHONE, { message: '联系电话格式不正确（手机号或带区号的座机）' })
  contactPhone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'POST /api/app/uploads 返回的 url（仅限本站存储），或 null',
    example: '/uploads/2026/11/23/5f2c0d9a3b7e4c1d8a6f2e0b9c7d4a1e.jpg',
  })
  @IsOptional()
  @IsString({ message: '自提点照片必须是上传后返回的地址' })
  @MaxLength(512, { message: '自提点照片地址过长' })
  photoUrl?: string | null;
}

export class LeaderApplicationRequestDto implements LeaderApplicationRequest {
  @ApiProperty({ example: '林晓燕', minLength: 2, maxLength: 32 })
  @Transform(trim)
  @IsString({ message: '姓名必须是文本' })
  @Length(2, 32, { message: '姓名需为 2–32 个字' })
  name!: string;

  @ApiProperty({ example: '13800138000' })
  @Transform(trim)
  @IsString({ message: '手机号必须是文本' })
  @Matches(MOBILE, { message: '请填写正确的 11 位手机号' })
  phone!: string;

  @ApiProperty({ type: PickupPointInputDto })
  @IsObject({ message: '请填写自提点信息' })
  @ValidateNested()
  @Type(() => PickupPointInputDto)
  pickupPoint!: PickupPointInputDto;

  @ApiPropertyOptional({ description: '邀请您的团长的邀请码（海报或分享卡片带入）', example: 'K7M3Q9TX' })
  @IsOptional()
  @IsString({ message: '邀请码必须是文本' })
  @MaxLength(16, { message: '邀请码最长 16 个字符' })
  inviteCode?: string;

  @ApiProperty({ description: '阅读的协议版本，须为当前版本', example: '2026-11-v1' })
  @IsString({ message: '协议版本必须是文本' })
  @Length(1, 32, { message: '协议版本需为 1–32 个字符' })
  agreementVersion!: string;

  @ApiProperty({ description: '须为 true：已阅读并同意团长合作协议' })
  @IsBoolean({ message: '请确认是否同意团长合作协议' })
  agreementAccepted!: boolean;
}

export class LeaderApplicationViewDto implements LeaderApplicationView {
  @ApiProperty() leaderId!: number;
  @ApiProperty({ enum: STATUSES }) status!: LeaderStatus;
  @ApiProperty() name!: string;
  @ApiProperty() phone!: string;
  @ApiProperty({ description: '自己的邀请码（审核通过后可用于招募团员）' }) inviteCode!: string;
  @ApiProperty({ type: PickupPointSummaryDto }) pickupPoint!: PickupPointSummaryDto;
  @ApiProperty({ type: String, nullable: true }) uplineName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '招募人的邀请码' }) uplineInviteCode!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) agreementVersion!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) agreementAcceptedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '拒绝或停用的原因' }) statusReason!:
    string | null;
}

export class RecruitViewDto implements RecruitView {
  @ApiProperty() leaderId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: STATUSES }) status!: LeaderStatus;
  @ApiProperty({ type: String, nullable: true }) pickupPointName!: string | null;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
}
