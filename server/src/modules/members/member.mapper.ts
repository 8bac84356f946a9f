import type {
  BindingChange,
  LeaderSummary,
  MemberCommunity,
  MemberDetail,
  MemberListItem,
  TagChip,
} from '@linli/shared-types';
import type { CommunityRef } from '../leaders';
import type { CommunityMembershipEntity } from './persistence/community-membership.entity';
import type { MemberBindingEntity } from './persistence/member-binding.entity';
import type { MemberEntity } from './persistence/member.entity';

type Leaders = ReadonlyMap<number, LeaderSummary>;

const nameOf = (leaders: Leaders, id: number | null): string | null =>
  id === null ? null : (leaders.get(id)?.name ?? null);

export function toMemberListItem(
  member: MemberEntity,
  leaders: Leaders,
  isLeader: boolean,
  tags: TagChip[],
): MemberListItem {
  return {
    id: member.id,
    nickname: member.nickname,
    phone: member.phone,
    currentLeaderId: member.currentLeaderId,
    currentLeaderName: nameOf(leaders, member.currentLeaderId),
    channel: member.channel,
    firstLeaderName: nameOf(leaders, member.firstLeaderId),
    isLeader,
    tags,
    joinedAt: member.createdAt.toISOString(),
  };
}

export function toBindingChange(row: MemberBindingEntity, leaders: Leaders): BindingChange {
  return {
    id: Number(row.id),
    fromLeaderId: row.fromLeaderId,
    fromLeaderName: nameOf(leaders, row.fromLeaderId),
    toLeaderId: row.toLeaderId,
    toLeaderName: nameOf(leaders, row.toLeaderId),
    reason: row.reason,
    note: row.note,
    actorType: row.actorType,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toMemberDetail(
  member: MemberEntity,
  leaders: Leaders,
  isLeader: boolean,
  bindingHistory: BindingChange[],
  tags: TagChip[],
  communities: MemberCommunity[],
): MemberDetail {
  return {
    ...toMemberListItem(member, leaders, isLeader, tags),
    avatarUrl: member.avatarUrl,
    openid: member.openid,
    unionid: member.unionid,
    currentPickupPoint:
      member.currentLeaderId === null ? null : (leaders.get(member.currentLeaderId)?.pickupPoint ?? null),
    source: {
      channel: member.channel,
      firstLeaderId: member.firstLeaderId,
      firstLeaderName: nameOf(leaders, member.firstLeaderId),
      firstCommunityId: member.firstCommunityId,
      // The first community is joined when the member is created, so it is among their memberships.
      firstCommunityName: communities.find((c) => c.communityId === member.firstCommunityId)?.name ?? null,
      firstOrderAt: member.firstOrderAt ? member.firstOrderAt.toISOString() : null,
      attributedAt: member.attributedAt.toISOString(),
    },
    bindingHistory,
    communities,
    lastActiveAt: member.lastActiveAt ? member.lastActiveAt.toISOString() : null,
  };
}

export function toMemberCommunity(
  row: CommunityMembershipEntity,
  community: CommunityRef | undefined,
): MemberCommunity {
  return {
    communityId: row.communityId,
    name: community?.name ?? '',
    leaderId: row.leaderId,
    leaderName: community?.leaderName ?? null,
    channel: row.channel,
    joinedAt: row.joinedAt.toISOString(),
  };
}
