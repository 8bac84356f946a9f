import { Injectable } from '@nestjs/common';
import type { LeaderCustomerQuery, LeaderCustomerView, Paged } from '@linli/shared-types';
import {
  ForbiddenError,
  NotFoundError,
  RequestContext,
  requireMember,
  TransactionRunner,
} from '../../platform';
import { CommunityDirectory } from '../leaders';
import { maskPhone } from './domain/phone-mask';
import { leaderCommunityIdsOf } from './persistence/community-membership.repository';
import {
  findBoundCustomerPage,
  findCommunityCustomerPage,
  type CustomerRow,
} from './persistence/leader-customer.repository';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 50;

/** 我的客户: a leader's own customers, the people bound to them or in one of their communities. */
@Injectable()
export class LeaderCustomersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly communities: CommunityDirectory,
  ) {}

  /** GET /api/app/leader/customers (active leader only). */
  async list(ctx: RequestContext, query: LeaderCustomerQuery): Promise<Paged<LeaderCustomerView>> {
    const { memberId } = requireMember(ctx);
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    return this.tx.run(async (m) => {
      const leaderId = await this.communities.activeLeaderIdOfMember(memberId, m);
      if (leaderId === null) throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有正常状态的团长可以查看客户');
      const own = await this.communities.ofLeader(leaderId, m);
      const pageQuery = { keyword: query.keyword, offset: (page - 1) * pageSize, limit: pageSize };
      let result: { rows: CustomerRow[]; total: number };
      if (query.communityId === undefined) {
        result = await findBoundCustomerPage(m, leaderId, pageQuery);
      } else {
        // Another leader's community is "not found", never confirmed to exist.
        if (!own.some((c) => c.id === query.communityId)) {
          throw new NotFoundError('COMMUNITY_NOT_FOUND', '社群不存在');
        }
        result = await findCommunityCustomerPage(m, query.communityId, pageQuery);
      }
      const memberships = await leaderCommunityIdsOf(
        m,
        leaderId,
        result.rows.map((r) => r.member.id),
      );
      const names = new Map(own.map((c) => [c.id, c.name]));
      const items = result.rows.map(({ member, joinedAt }) => ({
        memberId: member.id,
        nickname: member.nickname,
        avatarUrl: member.avatarUrl,
        phoneMasked: maskPhone(member.phone),
        channel: member.channel,
        boundToMe: member.currentLeaderId === leaderId,
        communities: (memberships.get(member.id) ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
        joinedAt: joinedAt.toISOString(),
      }));
      return { items, total: result.total, page, pageSize };
    });
  }
}
