import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { CampaignPageQuery } from '@linli/shared-types';

export class CampaignPageQueryDto implements CampaignPageQuery {
  @ApiPropertyOptional({
    description: '分享卡片/海报链接带的团长邀请码：活动不在买家当前团长投放范围时，凭它查看（不可下单）',
    maxLength: 32,
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  leaderCode?: string;
}
