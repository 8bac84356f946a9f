import type { MemberProfile, TypedPhoneRequest, WechatPhoneRequest } from '@linli/shared-types';
import { post } from './request';
import { saveMember } from './session';

/** 手机号: WeChat's getPhoneNumber code (mini-program) or a typed number (H5). Both store the profile. */

export async function bindWechatPhone(code: string): Promise<MemberProfile> {
  const body: WechatPhoneRequest = { code };
  const member = await post<MemberProfile>('/api/app/me/phone/wechat', body, { silent: true });
  saveMember(member);
  return member;
}

export async function bindTypedPhone(phone: string): Promise<MemberProfile> {
  const body: TypedPhoneRequest = { phone };
  const member = await post<MemberProfile>('/api/app/me/phone', body, { silent: true });
  saveMember(member);
  return member;
}
