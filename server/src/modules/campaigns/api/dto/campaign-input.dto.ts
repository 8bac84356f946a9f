import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CampaignStatus,
  type CampaignAudience,
  type CampaignAudienceKind,
  type CampaignDuplicateRequest,
  type CampaignInput,
  type CampaignItemInput,
  type CampaignListQuery,
} from '@linli/shared-types';
import { PageQueryDto } from '../../../../platform';
import { MAX_AUDIENCE_LEADERS } from '../../domain/campaign-audience';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** ¥10,000,000.00: far above any group-buy price. */
const MAX_PRICE_FEN = 1_000_000_000;
const AUDIENCE_KINDS: CampaignAudienceKind[] = ['all', 'levels', 'leaders'];

export class CampaignAudienceDto implements CampaignAudience {
  @ApiProperty({ enum: AUDIENCE_KINDS, description: 'all 全部团长 / levels 指定等级 / leaders 指定团长' })
  @IsIn(AUDIENCE_KINDS, { message: '投放范围只能是 all、levels 或 leaders' })
  kind!: CampaignAudienceKind;

  @ApiProperty({ type: [Number], description: 'kind=levels 时的团长等级 id' })
  @IsArray({ message: '等级 id 必须是数组' })
  @ArrayMaxSize(100, { message: '最多指定 100 个等级' })
  @IsInt({ each: true, message: '等级 id 必须是整数' })
  @Min(1, { each: true, message: '等级 id 必须是正整数' })
  levelIds!: number[];

  @ApiProperty({ type: [Number], description: 'kind=leaders 时的团长 id（最多 1000 个）' })
  @IsArray({ message: '团长 id 必须是数组' })
  @ArrayMaxSize(MAX_AUDIENCE_LEADERS, { message: `最多指定 ${MAX_AUDIENCE_LEADERS} 位团长` })
  @IsInt({ each: true, message: '团长 id 必须是整数' })
  @Min(1, { each: true, message: '团长 id 必须是正整数' })
  leaderIds!: number[];
}

export class CampaignItemInputDto implements CampaignItemInput {
  @ApiProperty({ description: '商品规格（SKU）id' })
  @IsInt({ message: '规格 id 必须是整数' })
  @Min(1, { message: '规格 id 必须是正整数' })
  skuId!: number;

  @ApiProperty({ description: '团购价（分），不高于划线价', example: 1990 })
  @IsInt({ message: '团购价必须是整数（分）' })
  @Min(0, { message: '团购价不能为负数' })
  @Max(MAX_PRICE_FEN, { message: '团购价过大' })
  groupPrice!: number;

  @ApiProperty({ description: '划线价（分）', example: 2990 })
  @IsInt({ message: '划线价必须是整数（分）' })
  @Min(0, { message: '划线价不能为负数' })
  @Max(MAX_PRICE_FEN, { message: '划线价过大' })
  originalPrice!: number;

  @ApiProperty({ description: '每人限购，0 表示不限', example: 2 })
  @IsInt({ message: '每人限购必须是整数' })
  @Min(0, { message: '每人限购不能为负数' })
  @Max(9999, { message: '每人限购最多 9999' })
  perMemberLimit!: number;

  @ApiProperty({ type: Number, nullable: true, description: '活动库存上限，null 表示只受商品库存限制' })
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: '活动库存上限必须是整数' })
  @Min(0, { message: '活动库存上限不能为负数' })
  @Max(10_000_000, { message: '活动库存上限过大' })
  stockCap!: number | null;
}

export class CampaignInputDto implements CampaignInput {
  @ApiProperty({ minLength: 1, maxLength: 40, example: '周末鲜果团' })
  @Transform(trim)
  @IsString({ message: '活动标题必须是文本' })
  @Length(1, 40, { message: '活动标题需为 1–40 个字' })
  title!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '封面的存储 key（POST /api/admin/uploads），null 则用第一个商品的图',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '封面必须是上传后得到的 key' })
  @Matches(/^\d{4}\/\d{2}\/\d{2}\/[0-9a-f]{32}\.(jpg|png|webp)$/, { message: '封面必须是上传后得到的 key' })
  coverKey!: string | null;

  @ApiProperty({ type: String, nullable: true, maxLength: 2000 })
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: '活动说明必须是文本' })
  @MaxLength(2000, { message: '活动说明最多 2000 字' })
  description!: string | null;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true }, { message: '开始时间格式不正确' })
  startAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true }, { message: '结束时间格式不正确' })
  endAt!: string;

  @ApiProperty({ format: 'date-time', description: '截单时间：开始之后、结束之前（可等于结束）' })
  @IsDateString({ strict: true }, { message: '截单时间格式不正确' })
  cutoffAt!: string;

  @ApiProperty({ example: '2026-03-05', description: '提货日期（北京时间），不早于截单日期' })
  @IsString({ message: '提货日期格式应为 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '提货日期格式应为 YYYY-MM-DD' })
  pickupDate!: string;

  @ApiProperty({ type: CampaignAudienceDto })
  @IsDefined({ message: '请选择投放范围' })
  @ValidateNested()
  @Type(() => CampaignAudienceDto)
  audience!: CampaignAudienceDto;

  @ApiPropertyOptional({ description: '秒杀活动：下单先经 Redis 秒杀闸门，进行中不可切换', default: false })
  @IsOptional()
  @IsBoolean({ message: '秒杀开关必须是 true 或 false' })
  flashSale?: boolean;

  @ApiProperty({ type: [CampaignItemInputDto], minItems: 1, maxItems: 100 })
  @IsArray({ message: '商品必须是数组' })
  @ArrayMinSize(1, { message: '至少需要一个商品' })
  @ArrayMaxSize(100, { message: '最多 100 个商品' })
  @ValidateNested({ each: true })
  @Type(() => CampaignItemInputDto)
  items!: CampaignItemInputDto[];
}

export class CampaignListQueryDto extends PageQueryDto implements CampaignListQuery {
  @ApiPropertyOptional({ description: '标题关键词' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(40, { message: '关键词最长 40 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ enum: Object.values(CampaignStatus) })
  @IsOptional()
  @IsIn(Object.values(CampaignStatus), { message: '状态只能是 draft、scheduled、live 或 ended' })
  status?: CampaignStatus;

  @ApiPropertyOptional({ format: 'date-time', description: '活动时间与 [from, to) 有重叠' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '起始时间格式不正确' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '结束时间格式不正确' })
  to?: string;
}

export class CampaignDuplicateRequestDto implements CampaignDuplicateRequest {
  @ApiPropertyOptional({ format: 'date-time', description: '副本的开始时间；缺省为原活动顺延整周到未来' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '开始时间格式不正确' })
  startAt?: string;
}
