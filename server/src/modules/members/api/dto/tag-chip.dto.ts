import { ApiProperty } from '@nestjs/swagger';
import { TAG_COLORS, type TagChip, type TagColor } from '@linli/shared-types';

export class TagChipDto implements TagChip {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '爱生鲜' }) name!: string;
  @ApiProperty({ enum: TAG_COLORS }) color!: TagColor;
}
