import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  MemberChannel,
  type AppAuthOptions,
  type DevLoginRequest,
  type MemberEntry,
  type MemberLoginResponse,
  type MemberProfile,
  type WechatLoginRequest,
} from '@linli/shared-types';
import { TokenPairDto } from '../../../identity';
import { LeaderSummaryDto } from '../../../leaders';

export class AppAuthOptionsDto implements AppAuthOptions {
  @ApiProperty({ description: '是否配置了微信小程序登录' }) wechatLogin!: boolean;
  @ApiProperty({ description: '是否开启开发登录（生产环境永远为 false）' }) devLogin!: boolean;
}

const CHANNELS = Object.values(MemberChannel);

export class MemberEntryDto implements MemberEntry {
  @ApiPropertyOptional({ description: '团长邀请码（分享链接、海报的场景值）', example: 'WANG2026' })
  @IsOptional()
  @IsString({ message: '邀请码必须是文本' })
  @MaxLength(32, { message: '邀请码最长 32 个字符' })
  leaderCode?: string;

  @ApiPropertyOptional({
    enum: CHANNELS,
    description: '进入渠道；有有效邀请码时缺省为 share_card，否则为 direct',
  })
  @IsOptional()
  @IsIn(CHANNELS, { message: '渠道只能是 poster、share_card、group_qr、search、import 或 direct' })
  channel?: MemberChannel;

  @ApiPropertyOptional({
    description: '社群邀请码（社群二维码/链接，小程序场景值 c=<code>）；优先于 leaderCode，无效时忽略',
    example: 'K7M3XQ9P',
  })
  @IsOptional()
  @IsString({ message: '社群邀请码必须是文本' })
  @MaxLength(32, { message: '社群邀请码最长 32 个字符' })
  communityCode?: string;
}

export class WechatLoginRequestDto implements WechatLoginRequest {
  @ApiProperty({ description: 'Taro.login() 返回的 code' })
  @IsString({ message: 'code 必须是文本' })
  @IsNotEmpty({ message: '缺少微信登录 code' })
  @MaxLength(128, { message: 'code 格式不正确' })
  code!: string;

  @ApiPropertyOptional({ description: '进入小程序的邀请场景值（团长邀请码；旧版，等同 entry.leaderCode）' })
  @IsOptional()
  @IsString({ message: '场景值必须是文本' })
  @MaxLength(64, { message: '场景值最长 64 个字符' })
  scene?: string;

  @ApiPropertyOptional({
    type: MemberEntryDto,
    description: '进入小程序的来源（仅首次登录记为来源；未绑定时按邀请码绑定）',
  })
  @IsOptional()
  @IsObject({ message: '来源必须是对象' })
  @ValidateNested()
  @Type(() => MemberEntryDto)
  entry?: MemberEntryDto;
}

export class DevLoginRequestDto implements DevLoginRequest {
  @ApiPropertyOptional({ description: '1–64 位字母、数字、_ 或 -；缺省为演示买家', example: 'demo-buyer' })
  @IsOptional()
  @IsString({ message: 'openid 必须是文本' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'openid 需为 1–64 位字母、数字、_ 或 -' })
  openid?: string;

  @ApiPropertyOptional({ example: '小邻' })
  @IsOptional()
  @IsString({ message: '昵称必须是文本' })
  @IsNotEmpty({ message: '昵称不能为空' })
  @MaxLength(32, { message: '昵称最长 32 个字符' })
  nickname?: string;

  @ApiPropertyOptional({
    type: MemberEntryDto,
    description: '进入小程序的来源（仅首次登录记为来源；未绑定时按邀请码绑定）',
  })
  @IsOptional()
  @IsObject({ message: '来源必须是对象' })
  @ValidateNested()
  @Type(() => MemberEntryDto)
  entry?: MemberEntryDto;
}

export class MemberProfileDto implements MemberProfile {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '微信用户A1B2' }) nickname!: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ description: '是否同时是启用中的团长' }) isLeader!: boolean;
  @ApiProperty({ type: LeaderSummaryDto, nullable: true, description: '当前绑定的团长（自提点）' })
  currentLeader!: LeaderSummaryDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MemberLoginResponseDto extends TokenPairDto implements MemberLoginResponse {
  @ApiProperty({ type: MemberProfileDto }) member!: MemberProfileDto;
  @ApiProperty({ description: '本次登录是否新建了会员' }) isNew!: boolean;
}
