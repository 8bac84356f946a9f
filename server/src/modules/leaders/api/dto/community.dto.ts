import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import {
  CommunityStatus,
  type CommunityInput,
  type CommunityInvite,
  type CommunityListItem,
  type CommunityListQuery,
  type CommunityUpdate,
  type CommunityView,
  type Paged,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';
import { COMMUNITY_NAME_MAX, COMMUNITY_NAME_MIN } from '../../domain/community-rules';

const STATUSES = Object.values(CommunityStatus);
const STATUS_MESSAGE = '状态只能是 active 或 archived';
const NAME_MESSAGE = `社群名称需为 ${COMMUNITY_NAME_MIN}–${COMMUNITY_NAME_MAX} 个字`;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CommunityViewDto implements CommunityView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '翠苑一区1号楼团购群' }) name!: string;
  @ApiProperty({ example: 'K7M3XQ9P' }) inviteCode!: string;
  @ApiProperty({ enum: STATUSES }) status!: CommunityStatus;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CommunityInputDto implements CommunityInput {
  @ApiProperty({
    example: '翠苑一区1号楼团购群',
    minLength: COMMUNITY_NAME_MIN,
    maxLength: COMMUNITY_NAME_MAX,
  })
  @Transform(trim)
  @IsString({ message: '社群名称必须是文本' })
  @Length(COMMUNITY_NAME_MIN, COMMUNITY_NAME_MAX, { message: NAME_MESSAGE })
  name!: string;
}

export class CommunityUpdateDto implements CommunityUpdate {
  @ApiPropertyOptional({ minLength: COMMUNITY_NAME_MIN, maxLength: COMMUNITY_NAME_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: '社群名称必须是文本' })
  @Length(COMMUNITY_NAME_MIN, COMMUNITY_NAME_MAX, { message: NAME_MESSAGE })
  name?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'archived：不再接收新成员，已有成员保留' })
  @IsOptional()
  @IsIn(STATUSES, { message: STATUS_MESSAGE })
  status?: CommunityStatus;
}

export class CommunityInviteDto implements CommunityInvite {
  @ApiProperty() communityId!: number;
  @ApiProperty() communityName!: string;
  @ApiProperty() leaderName!: string;
  @ApiProperty() inviteCode!: string;
  @ApiProperty({ example: 'c=K7M3XQ9P', description: '小程序码场景值' }) scene!: string;
  @ApiProperty({ example: 'pages/index/index?scene=c%3DK7M3XQ9P' }) miniProgramPath!: string;
  @ApiProperty({ example: 'https://tuan.example.com/h5/?communityCode=K7M3XQ9P' }) h5Url!: string;
  @ApiProperty({ description: 'h5Url 的二维码，data:image/png;base64,…' }) qrPngDataUrl!: string;
}

export class CommunityListQueryDto extends PageQueryDto implements CommunityListQuery {
  @ApiPropertyOptional({ description: '团长 id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '团长 id 必须是整数' })
  @Min(1, { message: '团长 id 必须是正整数' })
  leaderId?: number;

  @ApiPropertyOptional({ description: '匹配社群名称' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(32, { message: '关键词最长 32 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: STATUS_MESSAGE })
  status?: CommunityStatus;
}

export class CommunityListItemDto extends CommunityViewDto implements CommunityListItem {
  @ApiProperty() leaderId!: number;
  @ApiProperty({ type: String, nullable: true }) leaderName!: string | null;
}

export class CommunityPageDto implements Paged<CommunityListItem> {
  @ApiProperty({ type: [CommunityListItemDto] }) items!: CommunityListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
