import { Injectable } from '@nestjs/common';
import { ForbiddenError, requireMember, type RequestContext } from '../../platform';
import { LeadersService, type LeaderIdentity } from '../leaders';

/**
 * The leader a mini-program request acts for. Any leader may see and withdraw what they earned, also
 * after they stopped (their money is still theirs); members who never were leaders may not.
 */
@Injectable()
export class LeaderScope {
  constructor(private readonly leaders: LeadersService) {}

  async leaderOf(ctx: RequestContext): Promise<LeaderIdentity & { memberId: number }> {
    const { memberId } = requireMember(ctx);
    const leader = await this.leaders.identityOfMember(memberId);
    if (!leader || leader.status === 'pending' || leader.status === 'rejected')
      throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有团长可以查看佣金');
    return leader;
  }
}
