import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  TAG_COLORS,
  TagKind,
  type AddMemberTagsRequest,
  type BulkTagRequest,
  type BulkTagResponse,
  type Tag,
  type TagColor,
  type TagGroup,
  type TagGroupInput,
  type TagInput,
} from '@linli/shared-types';
import { BULK_MAX_MEMBER_IDS, MAX_TAG_IDS, TAG_NAME_MAX } from '../../domain/tag-rules';
import { MemberListQueryDto } from './members.dto';
import { TagChipDto } from './tag-chip.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const NAME_MESSAGE = (what: string) => ({ message: `${what}名称需为 1–${TAG_NAME_MAX} 个字` });

export class TagDto extends TagChipDto implements Tag {
  @ApiProperty() groupId!: number;
  @ApiProperty({
    enum: Object.values(TagKind),
    description: 'manual：人工标签；rule：规则标签（不可手动操作）',
  })
  kind!: TagKind;
  @ApiProperty({ description: '带有该标签的会员数' }) memberCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class TagGroupDto implements TagGroup {
  @ApiProperty() id!: number;
  @ApiProperty({ example: '消费能力' }) name!: string;
  @ApiProperty({ description: '越小越靠前' }) sort!: number;
  @ApiProperty({ type: [TagDto], description: '按 id 排序' }) tags!: TagDto[];
}

export class TagGroupInputDto implements TagGroupInput {
  @ApiProperty({ minLength: 1, maxLength: TAG_NAME_MAX, example: '偏好' })
  @Transform(trim)
  @IsString({ message: '标签组名称必须是文本' })
  @Length(1, TAG_NAME_MAX, NAME_MESSAGE('标签组'))
  name!: string;

  @ApiPropertyOptional({ default: 0, description: '越小越靠前' })
  @IsOptional()
  @IsInt({ message: '排序必须是整数' })
  @Min(0, { message: '排序不能为负数' })
  @Max(9999, { message: '排序最大为 9999' })
  sort?: number;
}

export class TagInputDto implements TagInput {
  @ApiProperty()
  @IsInt({ message: '标签组 id 必须是整数' })
  @Min(1, { message: '标签组 id 必须是正整数' })
  groupId!: number;

  @ApiProperty({ minLength: 1, maxLength: TAG_NAME_MAX, example: '爱生鲜' })
  @Transform(trim)
  @IsString({ message: '标签名称必须是文本' })
  @Length(1, TAG_NAME_MAX, NAME_MESSAGE('标签'))
  name!: string;

  @ApiProperty({ enum: TAG_COLORS })
  @IsIn(TAG_COLORS, { message: '请选择预设的标签颜色' })
  color!: TagColor;
}

const tagIdsRules = [
  IsArray({ message: '标签必须是列表' }),
  ArrayMinSize(1, { message: '请至少选择 1 个标签' }),
  ArrayMaxSize(MAX_TAG_IDS, { message: `一次最多 ${MAX_TAG_IDS} 个标签` }),
  IsInt({ each: true, message: '标签 id 必须是整数' }),
  Min(1, { each: true, message: '标签 id 必须是正整数' }),
];

export class AddMemberTagsRequestDto implements AddMemberTagsRequest {
  @ApiProperty({ type: [Number], minItems: 1, maxItems: MAX_TAG_IDS })
  @applyAll(tagIdsRules)
  tagIds!: number[];
}

/** The member list filter (same fields and rules as GET /api/admin/members) without paging. */
export class MemberFilterDto extends OmitType(MemberListQueryDto, ['page', 'pageSize'] as const) {}

export class BulkTagRequestDto implements BulkTagRequest {
  @ApiProperty({ enum: ['add', 'remove'] })
  @IsIn(['add', 'remove'], { message: '操作只能是 add（打标签）或 remove（移除标签）' })
  action!: 'add' | 'remove';

  @ApiProperty({ type: [Number], minItems: 1, maxItems: MAX_TAG_IDS })
  @applyAll(tagIdsRules)
  tagIds!: number[];

  @ApiPropertyOptional({
    type: [Number],
    maxItems: BULK_MAX_MEMBER_IDS,
    description: '勾选的会员 id；与 filter 二选一',
  })
  @IsOptional()
  @IsArray({ message: '会员 id 必须是列表' })
  @ArrayMaxSize(BULK_MAX_MEMBER_IDS, { message: `一次最多选择 ${BULK_MAX_MEMBER_IDS} 位会员` })
  @IsInt({ each: true, message: '会员 id 必须是整数' })
  @Min(1, { each: true, message: '会员 id 必须是正整数' })
  memberIds?: number[];

  @ApiPropertyOptional({ type: MemberFilterDto, description: '会员列表的筛选条件；与 memberIds 二选一' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberFilterDto)
  filter?: MemberFilterDto;
}

export class BulkTagResponseDto implements BulkTagResponse {
  @ApiProperty({ description: '选中的会员数' }) matched!: number;
  @ApiProperty({ description: '实际新增或移除的会员标签数' }) changed!: number;
}

function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
