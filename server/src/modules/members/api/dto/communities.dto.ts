import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  MemberChannel,
  type JoinCommunityRequest,
  type JoinCommunityResponse,
  type LeaderCustomerQuery,
  type LeaderCustomerView,
  type MemberCommunity,
  type Paged,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';

const CHANNELS = Object.values(MemberChannel);

export class JoinCommunityRequestDto implements JoinCommunityRequest {
  @ApiProperty({ example: 'K7M3XQ9P', description: '社群邀请码' })
  @IsString({ message: '社群邀请码必须是文本' })
  @IsNotEmpty({ message: '缺少社群邀请码' })
  @MaxLength(32, { message: '社群邀请码最长 32 个字符' })
  communityCode!: string;
}

export class JoinCommunityResponseDto implements JoinCommunityResponse {
  @ApiProperty() communityId!: number;
  @ApiProperty({ example: '翠苑一区1号楼团购群' }) communityName!: string;
  @ApiProperty() leaderId!: number;
  @ApiProperty({ example: '王丽华' }) leaderName!: string;
  @ApiProperty({ description: '已在该社群时为 false' }) joined!: boolean;
}

export class LeaderCustomerQueryDto extends PageQueryDto implements LeaderCustomerQuery {
  @ApiPropertyOptional({ description: '昵称（包含）或手机号尾号' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(32, { message: '关键词最长 32 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ description: '只看该社群的成员（须为自己的社群）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '社群 id 必须是整数' })
  @Min(1, { message: '社群 id 必须是正整数' })
  communityId?: number;
}

export class CommunityChipDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class LeaderCustomerViewDto implements LeaderCustomerView {
  @ApiProperty() memberId!: number;
  @ApiProperty() nickname!: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678' }) phoneMasked!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: MemberChannel;
  @ApiProperty({ description: '当前在我的自提点' }) boundToMe!: boolean;
  @ApiProperty({ type: [CommunityChipDto], description: '所在的我的社群' }) communities!: CommunityChipDto[];
  @ApiProperty({ format: 'date-time', description: '入群时间（按社群筛选时），否则注册时间' })
  joinedAt!: string;
}

export class LeaderCustomerPageDto implements Paged<LeaderCustomerView> {
  @ApiProperty({ type: [LeaderCustomerViewDto] }) items!: LeaderCustomerViewDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class MemberCommunityDto implements MemberCommunity {
  @ApiProperty() communityId!: number;
  @ApiProperty() name!: string;
  @ApiProperty() leaderId!: number;
  @ApiProperty({ type: String, nullable: true }) leaderName!: string | null;
  @ApiProperty({ enum: CHANNELS }) channel!: MemberChannel;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}
