import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  BindingReason,
  MemberChannel,
  type BindingChange,
  type ChoosePickupPointRequest,
  type MemberDetail,
  type MemberListItem,
  type MemberPage,
  type MemberListQuery,
  type MemberSource,
  type MoveMemberRequest,
  type Paged,
  type PickupPointChoice,
  type PickupPointSearchQuery,
  type TransferMembersRequest,
  type TransferMembersResponse,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';
import { PickupPointSummaryDto } from '../../../leaders';
import { MemberCommunityDto } from './communities.dto';
import { TagChipDto } from './tag-chip.dto';

const CHANNELS = Object.values(MemberChannel);
const REASONS = Object.values(BindingReason);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PickupPointSearchQueryDto extends PageQueryDto implements PickupPointSearchQuery {
  @ApiPropertyOptional({
    minimum: -90,
    maximum: 90,
    description: '纬度（GCJ-02）；与经度一起给出时按距离排序',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '纬度必须是数字' })
  @Min(-90, { message: '纬度范围为 -90 到 90' })
  @Max(90, { message: '纬度范围为 -90 到 90' })
  latitude?: number;

  @ApiPropertyOptional({ minimum: -180, maximum: 180, description: '经度（GCJ-02）' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '经度必须是数字' })
  @Min(-180, { message: '经度范围为 -180 到 180' })
  @Max(180, { message: '经度范围为 -180 到 180' })
  longitude?: number;

  @ApiPropertyOptional({ description: '匹配自提点名称或地址' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(40, { message: '关键词最长 40 个字符' })
  keyword?: string;
}

export class PickupPointChoiceDto implements PickupPointChoice {
  @ApiProperty() leaderId!: number;
  @ApiProperty({ example: '王丽华' }) leaderName!: string;
  @ApiProperty({ type: PickupPointSummaryDto }) pickupPoint!: PickupPointSummaryDto;
  @ApiProperty({ type: Number, nullable: true, description: '距离（米，取整）' }) distanceMeters!:
    number | null;
  @ApiProperty({ description: '是否为当前自提点' }) current!: boolean;
}

export class PickupPointChoicePageDto implements Paged<PickupPointChoice> {
  @ApiProperty({ type: [PickupPointChoiceDto] }) items!: PickupPointChoiceDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ChoosePickupPointRequestDto implements ChoosePickupPointRequest {
  @ApiProperty({ description: '要切换到的团长 id（须为营业中的团长）' })
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1, { message: '团长 id 必须是正整数' })
  leaderId!: number;
}

export class MemberListQueryDto extends PageQueryDto implements MemberListQuery {
  @ApiPropertyOptional({ description: '匹配昵称、手机号或 openid' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(64, { message: '关键词最长 64 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ description: '当前绑定的团长 id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1, { message: '团长 id 必须是正整数' })
  leaderId?: number;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: '渠道只能是 poster、share_card、group_qr、search、import 或 direct' })
  channel?: MemberChannel;

  @ApiPropertyOptional({ description: '注册时间起（含），ISO 8601' })
  @IsOptional()
  @IsDateString({}, { message: '注册起始时间格式不正确' })
  joinedFrom?: string;

  @ApiPropertyOptional({ description: '注册时间止（含），ISO 8601' })
  @IsOptional()
  @IsDateString({}, { message: '注册结束时间格式不正确' })
  joinedTo?: string;

  @ApiPropertyOptional({ description: '带有该标签的会员' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '标签 id 必须是整数' })
  @Min(1, { message: '标签 id 必须是正整数' })
  tagId?: number;

  @ApiPropertyOptional({ description: '该社群的成员' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '社群 id 必须是整数' })
  @Min(1, { message: '社群 id 必须是正整数' })
  communityId?: number;
}

export class MemberListItemDto implements MemberListItem {
  @ApiProperty() id!: number;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: Number, nullable: true }) currentLeaderId!: number | null;
  @ApiProperty({ type: String, nullable: true }) currentLeaderName!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: MemberChannel;
  @ApiProperty({ type: String, nullable: true }) firstLeaderName!: string | null;
  @ApiProperty({ description: '是否同时是营业中的团长' }) isLeader!: boolean;
  @ApiProperty({ type: [TagChipDto] }) tags!: TagChipDto[];
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

export class MemberPageDto implements MemberPage {
  @ApiProperty({ type: [MemberListItemDto] }) items!: MemberListItemDto[];
  @ApiProperty({ description: 'Exact up to 10,000; 10,000 with totalCapped beyond' }) total!: number;
  @ApiProperty({ description: 'More than 10,000 members match' }) totalCapped!: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MemberSourceDto implements MemberSource {
  @ApiProperty({ enum: CHANNELS }) channel!: MemberChannel;
  @ApiProperty({ type: Number, nullable: true }) firstLeaderId!: number | null;
  @ApiProperty({ type: String, nullable: true }) firstLeaderName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) firstCommunityId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '带来该会员的社群' })
  firstCommunityName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstOrderAt!: string | null;
  @ApiProperty({ format: 'date-time' }) attributedAt!: string;
}

export class BindingChangeDto implements BindingChange {
  @ApiProperty() id!: number;
  @ApiProperty({ type: Number, nullable: true }) fromLeaderId!: number | null;
  @ApiProperty({ type: String, nullable: true }) fromLeaderName!: string | null;
  @ApiProperty() toLeaderId!: number;
  @ApiProperty({ type: String, nullable: true }) toLeaderName!: string | null;
  @ApiProperty({ enum: REASONS }) reason!: BindingReason;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ enum: ['member', 'staff', 'system'] }) actorType!: 'member' | 'staff' | 'system';
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MemberDetailDto extends MemberListItemDto implements MemberDetail {
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
  @ApiProperty() openid!: string;
  @ApiProperty({ type: String, nullable: true }) unionid!: string | null;
  @ApiProperty({ type: PickupPointSummaryDto, nullable: true })
  currentPickupPoint!: PickupPointSummaryDto | null;
  @ApiProperty({ type: MemberSourceDto }) source!: MemberSourceDto;
  @ApiProperty({ type: [BindingChangeDto], description: '最新在前' }) bindingHistory!: BindingChangeDto[];
  @ApiProperty({ type: [MemberCommunityDto], description: '所在社群，最新加入在前' })
  communities!: MemberCommunityDto[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '最近使用小程序的时间（登录，或打开时每小时最多记一次）',
  })
  lastActiveAt!: string | null;
}

export class MoveMemberRequestDto implements MoveMemberRequest {
  @ApiProperty({ description: '目标团长 id（须为营业中的团长）' })
  @IsInt({ message: '目标团长 id 必须是整数' })
  @Min(1, { message: '目标团长 id 必须是正整数' })
  toLeaderId!: number;

  @ApiProperty({ minLength: 2, maxLength: 200, example: '原团长退出，就近调整' })
  @Transform(trim)
  @IsString({ message: '原因必须是文本' })
  @Length(2, 200, { message: '原因需为 2–200 个字' })
  reason!: string;
}

export class TransferMembersRequestDto extends MoveMemberRequestDto implements TransferMembersRequest {}

export class TransferMembersResponseDto implements TransferMembersResponse {
  @ApiProperty({ description: '转移的会员数' }) moved!: number;
}
