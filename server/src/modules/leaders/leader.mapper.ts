import type {
  LeaderApplicationView,
  LeaderDetail,
  LeaderListItem,
  PickupPointSummary,
  RecruitView,
} from '@linli/shared-types';
import type { LeaderEntity } from './persistence/leader.entity';
import type { PickupPointEntity } from './persistence/pickup-point.entity';

export function toPickupPointSummary(p: PickupPointEntity): PickupPointSummary {
  return {
    id: p.id,
    name: p.name,
    address: p.address,
    latitude: p.latitude,
    longitude: p.longitude,
    openingHours: p.openingHours,
    contactPhone: p.contactPhone,
    photoUrl: p.photoUrl ?? null,
  };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toApplicationView(
  leader: LeaderEntity,
  point: PickupPointEntity,
  upline: { name: string; inviteCode: string } | null,
): LeaderApplicationView {
  return {
    leaderId: leader.id,
    status: leader.status,
    name: leader.name,
    phone: leader.phone ?? '',
    inviteCode: leader.inviteCode,
    pickupPoint: toPickupPointSummary(point),
    uplineName: upline?.name ?? null,
    uplineInviteCode: upline?.inviteCode ?? null,
    // Every application made through the API stores both; only leaders created by staff before the
    // agreement existed lack them (see migration 0004).
    agreementVersion: leader.agreementVersion,
    agreementAcceptedAt: iso(leader.agreementAcceptedAt),
    appliedAt: leader.appliedAt.toISOString(),
    reviewedAt: iso(leader.reviewedAt),
    statusReason: leader.statusReason,
  };
}

export function toRecruitView(leader: LeaderEntity, point: PickupPointEntity | undefined): RecruitView {
  return {
    leaderId: leader.id,
    name: leader.name,
    status: leader.status,
    pickupPointName: point?.name ?? null,
    appliedAt: leader.appliedAt.toISOString(),
  };
}

export function toListItem(
  leader: LeaderEntity,
  point: PickupPointEntity | undefined,
  uplineName: string | null,
  recruitCount: number,
  levelName: string | null,
): LeaderListItem {
  return {
    id: leader.id,
    memberId: leader.memberId,
    name: leader.name,
    phone: leader.phone,
    status: leader.status,
    inviteCode: leader.inviteCode,
    pickupPointName: point?.name ?? null,
    pickupPointAddress: point?.address ?? null,
    uplineLeaderId: leader.uplineLeaderId,
    uplineName,
    levelId: leader.levelId,
    levelName,
    recruitCount,
    appliedAt: leader.appliedAt.toISOString(),
    reviewedAt: iso(leader.reviewedAt),
  };
}

export function toDetail(
  item: LeaderListItem,
  leader: LeaderEntity,
  point: PickupPointEntity | undefined,
  recruits: RecruitView[],
  levels: Pick<LeaderDetail, 'metrics' | 'levelHistory' | 'customerCount' | 'communityCount'>,
): LeaderDetail {
  return {
    ...item,
    pickupPoint: point ? toPickupPointSummary(point) : null,
    agreementVersion: leader.agreementVersion,
    agreementAcceptedAt: iso(leader.agreementAcceptedAt),
    statusReason: leader.statusReason,
    reviewedByName: leader.reviewedByName,
    recruits,
    ...levels,
    levelHoldUntil: iso(leader.levelHoldUntil),
  };
}

/** What the audit log keeps of a leader row (before/after of every transition). */
export function leaderAuditSnapshot(
  leader: LeaderEntity,
  point?: PickupPointEntity | null,
): Record<string, unknown> {
  return {
    id: leader.id,
    memberId: leader.memberId,
    name: leader.name,
    phone: leader.phone,
    status: leader.status,
    inviteCode: leader.inviteCode,
    uplineLeaderId: leader.uplineLeaderId,
    agreementVersion: leader.agreementVersion,
    agreementAcceptedAt: iso(leader.agreementAcceptedAt),
    appliedAt: iso(leader.appliedAt),
    reviewedAt: iso(leader.reviewedAt),
    reviewedByStaffId: leader.reviewedByStaffId,
    statusReason: leader.statusReason,
    levelId: leader.levelId,
    levelHoldUntil: iso(leader.levelHoldUntil),
    ...(point ? { pickupPoint: toPickupPointSummary(point) } : {}),
  };
}
