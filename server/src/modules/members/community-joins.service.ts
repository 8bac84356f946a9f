import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BindingReason, MemberChannel, type JoinCommunityResponse } from '@linli/shared-types';
import {
  BusinessError,
  NotFoundError,
  RequestContext,
  requireMember,
  TransactionRunner,
} from '../../platform';
import { CommunityDirectory, type JoinableCommunity } from '../leaders';
import { MemberBindingsService } from './member-bindings.service';
import { CommunityMembershipEntity } from './persistence/community-membership.entity';
import { lockMembership } from './persistence/community-membership.repository';
import { lockMember } from './persistence/member.repository';

/** joined: a row was inserted; already: the member was in it; closed: archived since it was resolved. */
export type JoinOutcome = 'joined' | 'already' | 'closed';

/**
 * Joining a community through its invite (QR, link, mini-program code): at login and from the app.
 * Memberships are counted on the community in the same transaction, exactly once per member.
 */
@Injectable()
export class CommunityJoinsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly communities: CommunityDirectory,
    private readonly bindings: MemberBindingsService,
  ) {}

  /** The joinable community of an invite code, or null (unknown, archived, or its leader not active). */
  findJoinable(code: string, manager?: EntityManager): Promise<JoinableCommunity | null> {
    return this.communities.findJoinable(code, manager);
  }

  /**
   * Adds the membership if absent, in the caller's transaction. Locks the member, then the community
   * (always in that order): one member's and one community's concurrent joins queue up, the locked
   * read then sees any membership committed meanwhile, and only a real insert is counted.
   */
  async joinWith(m: EntityManager, memberId: number, community: JoinableCommunity): Promise<JoinOutcome> {
    if (!(await lockMember(m, memberId))) throw new NotFoundError('MEMBER_NOT_FOUND', '会员不存在');
    if (!(await this.communities.lockForJoinWith(m, community.id))) return 'closed';
    if (await lockMembership(m, community.id, memberId)) return 'already';
    if (!(await this.communities.countNewMemberWith(m, community.id))) return 'closed';
    await m.getRepository(CommunityMembershipEntity).insert({
      communityId: community.id,
      memberId,
      leaderId: community.leaderId,
      channel: MemberChannel.GROUP_QR,
    });
    return 'joined';
  }

  /**
   * POST /api/app/communities/join: a logged-in member opening an invite. An unbound member is also
   * bound to the community's leader (entry link, with a history row).
   */
  async join(ctx: RequestContext, communityCode: string): Promise<JoinCommunityResponse> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      const community = await this.findJoinable(communityCode, m);
      if (!community) throw inviteInvalid();
      const outcome = await this.joinWith(m, memberId, community);
      if (outcome === 'closed') throw inviteInvalid();
      const actor = await this.bindings.actorOf(m, ctx);
      await this.bindings.bindIfUnboundWith(m, memberId, community.leaderId, {
        reason: BindingReason.ENTRY_LINK,
        actor,
      });
      return {
        communityId: community.id,
        communityName: community.name,
        leaderId: community.leaderId,
        leaderName: community.leaderName,
        joined: outcome === 'joined',
      };
    });
  }
}

function inviteInvalid(): BusinessError {
  return new BusinessError('COMMUNITY_INVITE_INVALID', '邀请已失效，请向团长索取新的社群邀请', 400);
}
