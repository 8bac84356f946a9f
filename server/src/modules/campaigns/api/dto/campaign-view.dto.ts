import { ApiProperty } from '@nestjs/swagger';
import { CampaignStatus, type CampaignItemView, type CampaignView } from '@linli/shared-types';

export class CampaignItemViewDto implements CampaignItemView {
  @ApiProperty() id!: number;
  @ApiProperty() skuId!: number;
  @ApiProperty({ example: '千禧小番茄' }) productName!: string;
  @ApiProperty({ example: '3斤装' }) skuName!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ description: '团购价（分）', example: 1990 }) groupPrice!: number;
  @ApiProperty({ description: '划线价（分）', example: 2990 }) originalPrice!: number;
  @ApiProperty({ description: '每人限购，0 表示不限' }) perMemberLimit!: number;
}

export class CampaignViewDto implements CampaignView {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '周末鲜果团' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: Object.values(CampaignStatus) }) status!: CampaignStatus;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty({ format: 'date-time', description: '截单时间' }) cutoffAt!: string;
  @ApiProperty({ example: '2026-03-02', description: '提货日期（北京时间）' }) pickupDate!: string;
  @ApiProperty({ type: [CampaignItemViewDto] }) items!: CampaignItemViewDto[];
}
