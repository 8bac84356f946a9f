import type { IsoDateTime, PageQuery } from './common';
import type { PickupPointSummary } from './app';
import type { LeaderLevelChange, LeaderMetrics } from './levels';

/**
 * Leader (团长) lifecycle: a member applies (pending); staff approve (active) or reject with a reason
 * (rejected; the member may apply again); staff may suspend an active leader (suspended: the pickup point
 * stops taking orders, customers stay attributed) and reactivate them.
 */
export const LeaderStatus = {
  PENDING: 'pending',
  ACTIVE: 'active',
  REJECTED: 'rejected',
  SUSPENDED: 'suspended',
} as const;
export type LeaderStatus = (typeof LeaderStatus)[keyof typeof LeaderStatus];

export const LEADER_STATUS_LABELS: Record<LeaderStatus, string> = {
  pending: '待审核',
  active: '正常',
  rejected: '已拒绝',
  suspended: '已停用',
};

/** GET /api/app/leader-agreement: the agreement a leader signs (电子签约). Public. */
export interface LeaderAgreement {
  /** Stored with the application; an application must name the current version. */
  version: string;
  title: string;
  /** Plain text, paragraphs separated by blank lines. */
  content: string;
}

/** The pickup point (自提点) a leader runs. Coordinates are WGS-84/GCJ-02 degrees as Taro.chooseLocation gives. */
export interface PickupPointInput {
  /** 2–40 chars, e.g. 翠苑一区自提点 */
  name: string;
  /** 5–120 chars */
  address: string;
  /** -90..90, or null when unknown */
  latitude: number | null;
  /** -180..180, or null when unknown */
  longitude: number | null;
  /** 1–40 chars, e.g. 每天 08:00–21:00 */
  openingHours: string;
  /** Mobile or landline; defaults to the applicant's phone. */
  contactPhone?: string | null;
  /** An UploadedFile.url returned by POST /api/app/uploads (our own storage only), or null. */
  photoUrl?: string | null;
}

/** POST /api/app/leader-applications (member token) → LeaderApplicationView (201). */
export interface LeaderApplicationRequest {
  /** Real name, 2–32 chars */
  name: string;
  /** Mainland mobile number */
  phone: string;
  pickupPoint: PickupPointInput;
  /** Invite code of the recruiting leader (from their poster/share scene); must be an active leader's. */
  inviteCode?: string;
  /** Must equal the current LeaderAgreement.version. */
  agreementVersion: string;
  /** Must be true: the applicant accepted the agreement. */
  agreementAccepted: boolean;
}

/** The member's own application/leader record: GET /api/app/leader-applications/mine → this or null. */
export interface LeaderApplicationView {
  leaderId: number;
  status: LeaderStatus;
  name: string;
  phone: string;
  inviteCode: string;
  pickupPoint: PickupPointSummary;
  uplineName: string | null;
  /** The recruiting leader's invite code (what the applicant typed or scanned). */
  uplineInviteCode: string | null;
  /** Null only for leaders created before agreements were recorded. */
  agreementVersion: string | null;
  agreementAcceptedAt: IsoDateTime | null;
  appliedAt: IsoDateTime;
  reviewedAt: IsoDateTime | null;
  /** Why it was rejected or suspended (shown to the applicant). */
  statusReason: string | null;
}

/** GET /api/app/leader/recruits (active leader token): the leader's direct recruits (我的团员). */
export interface RecruitView {
  leaderId: number;
  name: string;
  status: LeaderStatus;
  pickupPointName: string | null;
  appliedAt: IsoDateTime;
}

/** GET /api/admin/leaders (leaders.read). `status=pending` is the application queue. */
export interface LeaderListQuery extends PageQuery {
  status?: LeaderStatus;
  /** Matches name, phone, invite code or pickup point name. */
  keyword?: string;
  levelId?: number;
}

export interface LeaderListItem {
  id: number;
  memberId: number;
  name: string;
  phone: string | null;
  status: LeaderStatus;
  inviteCode: string;
  pickupPointName: string | null;
  pickupPointAddress: string | null;
  uplineLeaderId: number | null;
  uplineName: string | null;
  levelId: number | null;
  levelName: string | null;
  /** Direct recruits (downline, one level). */
  recruitCount: number;
  appliedAt: IsoDateTime;
  reviewedAt: IsoDateTime | null;
}

/** GET /api/admin/leaders/:id (leaders.read). */
export interface LeaderDetail extends LeaderListItem {
  pickupPoint: PickupPointSummary | null;
  agreementVersion: string | null;
  agreementAcceptedAt: IsoDateTime | null;
  statusReason: string | null;
  reviewedByName: string | null;
  /** Direct recruits, newest first (at most 100). */
  recruits: RecruitView[];
  /** Current 30-day figures the level evaluation uses. */
  metrics: LeaderMetrics;
  /** Level changes, newest first (at most 100). */
  levelHistory: LeaderLevelChange[];
  /** Set after a manual level change: the scheduled evaluation skips the leader until then. */
  levelHoldUntil: IsoDateTime | null;
  /** Members currently bound to this leader. */
  customerCount: number;
  communityCount: number;
}

/** POST /api/admin/leaders/:id/approve (leaders.write): pending → active. No body. Returns LeaderDetail. */
/** POST /api/admin/leaders/:id/reject (leaders.write): pending → rejected. Returns LeaderDetail. */
/** POST /api/admin/leaders/:id/suspend (leaders.write): active → suspended. Returns LeaderDetail. */
export interface LeaderStatusReasonRequest {
  /** 2–200 chars, shown to the leader. */
  reason: string;
}
/** POST /api/admin/leaders/:id/reactivate (leaders.write): suspended → active. No body. Returns LeaderDetail. */
