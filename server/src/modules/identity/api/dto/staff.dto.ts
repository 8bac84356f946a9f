import { PageQueryDto } from '../../../../platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  Permission,
  StaffRole,
  StaffStatus,
  type CreateStaffRequest,
  type Paged,
  type ResetStaffPasswordRequest,
  type RoleDefinition,
  type StaffListQuery,
  type StaffProfile,
  type UpdateStaffRequest,
} from '@linli/shared-types';
import { IsStrongPassword } from './strong-password.validator';

const ROLES = Object.values(StaffRole);
const STATUSES = Object.values(StaffStatus);
const PERMISSIONS = Object.values(Permission);
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

export class StaffProfileDto implements StaffProfile {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'zhangsan' }) username!: string;
  @ApiProperty({ example: '张三' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '13800138000' }) phone!: string | null;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: StaffRole[];
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty({ enum: STATUSES }) status!: StaffStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StaffPageDto implements Paged<StaffProfile> {
  @ApiProperty({ type: [StaffProfileDto] }) items!: StaffProfileDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RoleDefinitionDto implements RoleDefinition {
  @ApiProperty({ enum: ROLES }) role!: StaffRole;
  @ApiProperty({ example: '管理员' }) label!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
}

export class StaffListQueryDto extends PageQueryDto implements StaffListQuery {
  @ApiPropertyOptional({ description: '匹配用户名、姓名或手机号' })
  @IsOptional()
  @IsString({ message: '关键词必须是文本' })
  @MaxLength(32, { message: '关键词最长 32 个字符' })
  keyword?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态只能是 active 或 disabled' })
  status?: StaffStatus;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: '角色不存在' })
  role?: StaffRole;
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateStaffRequestDto implements CreateStaffRequest {
  @ApiProperty({ description: '3–32 位字母、数字、_ . -，不区分大小写，唯一', example: 'zhangsan' })
  @IsString({ message: '用户名必须是文本' })
  @Matches(USERNAME, { message: '用户名需为 3–32 位字母、数字、_ . -' })
  username!: string;

  @ApiProperty({ example: '张三' })
  @Transform(trim)
  @IsString({ message: '姓名必须是文本' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(32, { message: '姓名最长 32 个字符' })
  name!: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @IsString({ message: '手机号必须是文本' })
  @Matches(PHONE, { message: '手机号格式不正确' })
  phone?: string;

  @ApiProperty({ description: '至少 8 位，包含字母和数字', format: 'password' })
  @IsString({ message: '密码必须是文本' })
  @IsStrongPassword()
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['operator'] })
  @IsArray({ message: '角色必须是列表' })
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @ArrayMaxSize(ROLES.length, { message: '角色过多' })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ROLES, { each: true, message: '角色不存在' })
  roles!: StaffRole[];
}

export class UpdateStaffRequestDto implements UpdateStaffRequest {
  @ApiPropertyOptional({ example: '张三' })
  @ValidateIf((_, value) => value !== undefined)
  @Transform(trim)
  @IsString({ message: '姓名必须是文本' })
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(32, { message: '姓名最长 32 个字符' })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '传 null 清空' })
  @IsOptional()
  @IsString({ message: '手机号必须是文本' })
  @Matches(PHONE, { message: '手机号格式不正确' })
  phone?: string | null;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @ValidateIf((_, value) => value !== undefined)
  @IsArray({ message: '角色必须是列表' })
  @ArrayMinSize(1, { message: '至少选择一个角色' })
  @ArrayMaxSize(ROLES.length, { message: '角色过多' })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ROLES, { each: true, message: '角色不存在' })
  roles?: StaffRole[];
}

export class ResetStaffPasswordRequestDto implements ResetStaffPasswordRequest {
  @ApiProperty({ description: '至少 8 位，包含字母和数字', format: 'password' })
  @IsString({ message: '密码必须是文本' })
  @IsStrongPassword()
  password!: string;
}
