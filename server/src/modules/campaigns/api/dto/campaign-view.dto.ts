import { ApiProperty } from '@nestjs/swagger';
import {
  CampaignStatus,
  type CampaignItemView,
  type CampaignPageView,
  type CampaignProductOption,
  type CampaignProductView,
  type CampaignView,
} from '@linli/shared-types';
import { PickupPointSummaryDto } from '../../../leaders';

export class CampaignItemViewDto implements CampaignItemView {
  @ApiProperty() id!: number;
  @ApiProperty() skuId!: number;
  @ApiProperty() productId!: number;
  @ApiProperty({ example: '千禧小番茄' }) productName!: string;
  @ApiProperty({ example: '3斤装' }) skuName!: string;
  @ApiProperty({ type: String, nullable: true }) imageUrl!: string | null;
  @ApiProperty({ description: '团购价（分）', example: 1990 }) groupPrice!: number;
  @ApiProperty({ description: '划线价（分）', example: 2990 }) originalPrice!: number;
  @ApiProperty({ description: '每人限购，0 表示不限' }) perMemberLimit!: number;
  @ApiProperty({ description: '已团件数' }) soldQuantity!: number;
  @ApiProperty({ description: '还可购买的件数，0 表示已抢光' }) remaining!: number;
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
  @ApiProperty({ description: '秒杀活动' }) flashSale!: boolean;
  @ApiProperty({ type: [CampaignItemViewDto] }) items!: CampaignItemViewDto[];
  @ApiProperty({ description: '所有商品已团件数之和' }) soldQuantity!: number;
}

class CampaignPageLeaderDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: PickupPointSummaryDto, nullable: true }) pickupPoint!: PickupPointSummaryDto | null;
}

export class CampaignPageViewDto extends CampaignViewDto implements CampaignPageView {
  @ApiProperty({ description: '是否可在买家当前团长处下单' }) offeredHere!: boolean;
  @ApiProperty({ type: CampaignPageLeaderDto, nullable: true }) leader!: CampaignPageLeaderDto | null;
}

class SpecDimensionDto {
  @ApiProperty({ example: '规格' }) name!: string;
  @ApiProperty({ type: [String], example: ['5斤装', '10斤装'] }) values!: string[];
}

class ProductImageDto {
  @ApiProperty() key!: string;
  @ApiProperty() url!: string;
}

class CampaignProductOptionDto implements CampaignProductOption {
  @ApiProperty() itemId!: number;
  @ApiProperty() skuId!: number;
  @ApiProperty({ type: [String] }) specValues!: string[];
  @ApiProperty() specText!: string;
  @ApiProperty() groupPrice!: number;
  @ApiProperty() originalPrice!: number;
  @ApiProperty() perMemberLimit!: number;
  @ApiProperty() soldQuantity!: number;
  @ApiProperty() remaining!: number;
}

class BundleContentDto {
  @ApiProperty() productName!: string;
  @ApiProperty() specText!: string;
  @ApiProperty() quantity!: number;
}

export class CampaignProductViewDto implements CampaignProductView {
  @ApiProperty() campaignId!: number;
  @ApiProperty() campaignTitle!: string;
  @ApiProperty({ enum: Object.values(CampaignStatus) }) campaignStatus!: CampaignStatus;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
  @ApiProperty() pickupDate!: string;
  @ApiProperty() offeredHere!: boolean;
  @ApiProperty() productId!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) subtitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ example: '份' }) unit!: string;
  @ApiProperty({ type: [ProductImageDto] }) images!: ProductImageDto[];
  @ApiProperty({ type: [SpecDimensionDto] }) specDimensions!: SpecDimensionDto[];
  @ApiProperty({ type: [CampaignProductOptionDto] }) options!: CampaignProductOptionDto[];
  @ApiProperty({ type: [BundleContentDto] }) bundleContents!: BundleContentDto[];
}
