import { Injectable } from '@nestjs/common';
import {
  BindingReason,
  type MemberProfile,
  type Paged,
  type PickupPointChoice,
  type PickupPointSearchQuery,
} from '@linli/shared-types';
import { RequestContext, requireMember, TransactionRunner } from '../../platform';
import { LeadersService } from '../leaders';
import { MemberBindingsService } from './member-bindings.service';
import { MembersService } from './members.service';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** Buyers finding a pickup point near them and switching to it (always their own membership). */
@Injectable()
export class PickupPointsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly leaders: LeadersService,
    private readonly members: MembersService,
    private readonly bindings: MemberBindingsService,
  ) {}

  async search(ctx: RequestContext, query: PickupPointSearchQuery): Promise<Paged<PickupPointChoice>> {
    const { memberId } = requireMember(ctx);
    const page = query.page ?? 1;
    const pageSize = Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const origin =
      query.latitude !== undefined && query.longitude !== undefined
        ? { latitude: query.latitude, longitude: query.longitude }
        : null;
    const [{ items, total }, currentLeaderId] = await Promise.all([
      this.leaders.searchActivePickupPoints({
        keyword: query.keyword,
        origin,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }),
      this.members.currentLeaderIdOf(memberId),
    ]);
    return {
      items: items.map((p) => ({
        leaderId: p.leaderId,
        leaderName: p.leaderName,
        pickupPoint: p.pickupPoint,
        distanceMeters: p.distanceMeters === null ? null : Math.round(p.distanceMeters),
        current: p.leaderId === currentLeaderId,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** The buyer switches to an ACTIVE leader's pickup point; the history row is written with the change. */
  async choose(ctx: RequestContext, leaderId: number): Promise<MemberProfile> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      const actor = await this.bindings.actorOf(m, ctx);
      await this.bindings.changeWith(m, memberId, leaderId, {
        reason: BindingReason.BUYER_SWITCH,
        note: null,
        actor,
      });
      return this.members.profileOf(m, memberId);
    });
  }
}
