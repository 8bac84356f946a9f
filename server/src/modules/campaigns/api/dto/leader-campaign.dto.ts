import { ApiProperty } from '@nestjs/swagger';
import { CampaignStatus, type CampaignShareView, type LeaderCampaignView } from '@linli/shared-types';

export class LeaderCampaignViewDto implements LeaderCampaignView {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ enum: Object.values(CampaignStatus) }) status!: CampaignStatus;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ description: '最低团购价（分）' }) minGroupPrice!: number;
  @ApiProperty() soldQuantity!: number;
}

export class CampaignShareViewDto implements CampaignShareView {
  @ApiProperty() campaignId!: number;
  @ApiProperty({ description: '海报 PNG 的地址' }) posterUrl!: string;
  @ApiProperty({ example: 750 }) posterWidth!: number;
  @ApiProperty({ example: 1334 }) posterHeight!: number;
  @ApiProperty({ enum: ['wxacode', 'qrcode'], description: 'wxacode 小程序码 / qrcode H5 链接二维码' })
  codeKind!: 'wxacode' | 'qrcode';
  @ApiProperty({ example: '/pages/campaign/index?id=12&leaderCode=K7M3XQ9P&channel=share_card' })
  sharePath!: string;
  @ApiProperty() shareTitle!: string;
  @ApiProperty({ type: String, nullable: true }) shareImageUrl!: string | null;
  @ApiProperty() h5Link!: string;
}
