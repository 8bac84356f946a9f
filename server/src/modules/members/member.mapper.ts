import type { BindingChange, LeaderSummary, MemberDetail, MemberListItem } from '@linli/shared-types';
import type { MemberBindingEntity } from './persistence/member-binding.entity';
import type { MemberEntity } from './persistence/member.entity';

type Leaders = ReadonlyMap<number, LeaderSummary>;

const nameOf = (leaders: Leaders, id: number | null): string | null =>
  id === null ? null : (leaders.get(id)?.name ?? null);

export function toMemberListItem(member: MemberEntity, leaders: Leaders, isLeader: boolean): MemberListItem {
  return {
    id: member.id,
    nickname: member.nickname,
    phone: member.phone,
    currentLeaderId: member.currentLeaderId,
    currentLeaderName: nameOf(leaders, member.currentLeaderId),
    channel: member.channel,
    firstLeaderName: nameOf(leaders, member.firstLeaderId),
    isLeader,
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
): MemberDetail {
  return {
    ...toMemberListItem(member, leaders, isLeader),
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
      firstOrderAt: member.firstOrderAt ? member.firstOrderAt.toISOString() : null,
      attributedAt: member.attributedAt.toISOString(),
    },
    bindingHistory,
  };
}
