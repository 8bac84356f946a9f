import { ApiProperty } from '@nestjs/swagger';
import type { LeaderSummary, PickupPointSummary } from '@linli/shared-types';

export class PickupPointSummaryDto implements PickupPointSummary {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '翠苑一区自提点' }) name!: string;
  @ApiProperty({ example: '杭州市西湖区文三路 478 号' }) address!: string;
  @ApiProperty({ type: Number, nullable: true, example: 30.2793 }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 120.1213 }) longitude!: number | null;
  @ApiProperty({ type: String, nullable: true, example: '每天 08:00–20:00' }) openingHours!: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '自提点照片 URL',
    example: '/uploads/2026/11/23/5f2c….jpg',
  })
  photoUrl!: string | null;
}

export class LeaderSummaryDto implements LeaderSummary {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '王丽华' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: PickupPointSummaryDto, nullable: true }) pickupPoint!: PickupPointSummaryDto | null;
}
