import { Injectable } from '@nestjs/common';
import type { MemberProfile } from '@linli/shared-types';
import { BusinessError, RequestContext, requireMember, TransactionRunner } from '../../platform';
import { WechatClient } from '../identity';
import { normalizeMainlandMobile, phoneFromWechat } from './domain/member-phone';
import { phoneTailOf } from './domain/phone-tail';
import { MemberEntity } from './persistence/member.entity';
import { MembersService } from './members.service';

/** The member's own phone number: verified by WeChat's getPhoneNumber button, or typed (H5). */
@Injectable()
export class MemberPhoneService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly wechat: WechatClient,
    private readonly members: MembersService,
  ) {}

  /** POST /api/app/me/phone/wechat: the number WeChat returns for the button's one-time code. */
  async setFromWechat(ctx: RequestContext, code: string): Promise<MemberProfile> {
    const { memberId } = requireMember(ctx);
    // Outside the transaction: no database connection is held while WeChat answers.
    const phone = await this.wechat.getPhoneNumber(code);
    return this.save(memberId, phoneFromWechat(phone.purePhoneNumber, phone.countryCode));
  }

  /** POST /api/app/me/phone: a typed mainland mobile (not verified; H5 has no WeChat button). */
  async setTyped(ctx: RequestContext, raw: string): Promise<MemberProfile> {
    const { memberId } = requireMember(ctx);
    const phone = normalizeMainlandMobile(raw);
    if (phone === null) {
      throw new BusinessError('MEMBER_PHONE_INVALID', '请填写正确的 11 位手机号');
    }
    return this.save(memberId, phone);
  }

  private save(memberId: number, phone: string): Promise<MemberProfile> {
    return this.tx.run(async (m) => {
      await m.getRepository(MemberEntity).update({ id: memberId }, { phone, phoneTail: phoneTailOf(phone) });
      return this.members.profileOf(m, memberId);
    });
  }
}
