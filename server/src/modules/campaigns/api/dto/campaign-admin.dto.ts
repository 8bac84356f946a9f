import { ApiProperty } from '@nestjs/swagger';
import {
  CampaignStatus,
  type CampaignAdminItem,
  type CampaignAudienceKind,
  type CampaignDetail,
  type CampaignListItem,
  type Paged,
} from '@linli/shared-types';
import { CampaignAudienceDto } from './campaign-input.dto';
import { CampaignItemViewDto } from './campaign-view.dto';

export class CampaignAdminItemDto extends CampaignItemViewDto implements CampaignAdminItem {
  @ApiProperty({ type: Number, nullable: true }) stockCap!: number | null;
  @ApiProperty({ description: '零售价（分）' }) retailPrice!: number;
  @ApiProperty({ description: '成本（分）' }) cost!: number;
  @ApiProperty() productStatus!: string;
}

export class CampaignDetailDto implements CampaignDetail {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) coverKey!: string | null;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: Object.values(CampaignStatus) }) status!: CampaignStatus;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty({ type: CampaignAudienceDto }) audience!: CampaignAudienceDto;
  @ApiProperty({ description: '秒杀活动' }) flashSale!: boolean;
  @ApiProperty({ type: [String] }) audienceLevelNames!: string[];
  @ApiProperty({ type: [String] }) audienceLeaderNames!: string[];
  @ApiProperty({ type: [CampaignAdminItemDto] }) items!: CampaignAdminItemDto[];
  @ApiProperty() soldQuantity!: number;
  @ApiProperty({ type: Number, nullable: true }) duplicatedFromId!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CampaignListItemDto implements CampaignListItem {
  @ApiProperty() id!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) coverUrl!: string | null;
  @ApiProperty({ enum: Object.values(CampaignStatus) }) status!: CampaignStatus;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty({ enum: ['all', 'levels', 'leaders'] }) audience!: CampaignAudienceKind;
  @ApiProperty({ description: '秒杀活动' }) flashSale!: boolean;
  @ApiProperty() itemCount!: number;
  @ApiProperty() soldQuantity!: number;
  @ApiProperty({ description: '最低团购价（分）' }) minGroupPrice!: number;
}

export class CampaignPagedDto implements Paged<CampaignListItem> {
  @ApiProperty({ type: [CampaignListItemDto] }) items!: CampaignListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
