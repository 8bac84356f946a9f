import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import type { TypedPhoneRequest, WechatPhoneRequest } from '@linli/shared-types';

export class WechatPhoneRequestDto implements WechatPhoneRequest {
  @ApiProperty({ description: 'getPhoneNumber 按钮回调的 e.detail.code（一次性）' })
  @IsString({ message: '授权码必须是文本' })
  @Length(1, 128, { message: '授权码长度不正确' })
  code!: string;
}

export class TypedPhoneRequestDto implements TypedPhoneRequest {
  /** Checked by the service (400 MEMBER_PHONE_INVALID), not here, so clients get one stable code. */
  @ApiProperty({ example: '13800138000', description: '中国大陆手机号（可带空格、-、+86）' })
  @IsString({ message: '手机号必须是文本' })
  @MaxLength(32, { message: '手机号过长' })
  phone!: string;
}
