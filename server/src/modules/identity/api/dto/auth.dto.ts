import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type {
  LogoutRequest,
  RefreshRequest,
  StaffLoginRequest,
  StaffLoginResponse,
} from '@linli/shared-types';
import { StaffProfileDto } from './staff.dto';

export class StaffLoginRequestDto implements StaffLoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString({ message: '用户名必须是文本' })
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(32, { message: '用户名最长 32 个字符' })
  username!: string;

  @ApiProperty({ example: 'linli2026', format: 'password' })
  @IsString({ message: '密码必须是文本' })
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码最长 128 个字符' })
  password!: string;
}

export class RefreshRequestDto implements RefreshRequest, LogoutRequest {
  @ApiProperty({ description: '登录时返回的刷新令牌（一次性）' })
  @IsString({ message: '刷新令牌必须是文本' })
  @IsNotEmpty({ message: '缺少刷新令牌' })
  @MaxLength(256, { message: '刷新令牌格式不正确' })
  refreshToken!: string;
}

export class TokenPairDto {
  @ApiProperty({ description: 'JWT 访问令牌，放在 Authorization: Bearer 头里' }) accessToken!: string;
  @ApiProperty({ description: '不透明的刷新令牌，只能使用一次' }) refreshToken!: string;
  @ApiProperty({ description: '访问令牌剩余有效秒数', example: 900 }) expiresIn!: number;
}

export class StaffLoginResponseDto extends TokenPairDto implements StaffLoginResponse {
  @ApiProperty({ type: StaffProfileDto }) staff!: StaffProfileDto;
}
