import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  LeaderStatus,
  type LeaderAgreement,
  type LeaderApplicationRequest,
  type LeaderApplicationView,
  type RecruitView,
} from '@linli/shared-types';
import {
  BusinessError,
  ConflictError,
  FILE_STORAGE,
  type FileStorage,
  ForbiddenError,
  isUniqueViolation,
  RequestContext,
  requireMember,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { applicationViolation } from './domain/application-rules';
import { CURRENT_LEADER_AGREEMENT } from './domain/leader-agreement';
import { invalidTransitionMessage } from './domain/leader-transitions';
import { leaderAuditSnapshot, toApplicationView, toRecruitView } from './leader.mapper';
import { LeadersService } from './leaders.service';
import { LeaderEntity } from './persistence/leader.entity';
import {
  findRecruits,
  pickupPointsOf,
  reloadCurrent,
  transitionStatus,
} from './persistence/leader.repository';
import { PickupPointEntity } from './persistence/pickup-point.entity';

/** The mini-program shows a leader at most this many recruits (one level of the referral tree). */
const MAX_RECRUITS = 200;

/** A member applying to become a leader (申请成为团长), their application, and a leader's recruits. */
@Injectable()
export class LeaderApplicationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly leaders: LeadersService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  agreement(): LeaderAgreement {
    return CURRENT_LEADER_AGREEMENT;
  }

  /**
   * POST /api/app/leader-applications. A first application inserts the leader row and its pickup point;
   * after a rejection the same row goes back to pending with the new data (the audit log keeps the old).
   */
  async apply(ctx: RequestContext, input: LeaderApplicationRequest): Promise<LeaderApplicationView> {
    const { memberId } = requireMember(ctx);
    await this.assertOwnPhotoUrl(input.pickupPoint.photoUrl);
    try {
      return await this.tx.run((m) => this.applyWith(m, ctx, memberId, input));
    } catch (error) {
      // Two first applications of the same member at once: the unique member index let one through.
      if (isUniqueViolation(error)) {
        throw new ConflictError('LEADER_ALREADY_EXISTS', '您的团长申请正在审核中，请耐心等待');
      }
      throw error;
    }
  }

  private async applyWith(
    m: EntityManager,
    ctx: RequestContext,
    memberId: number,
    input: LeaderApplicationRequest,
  ): Promise<LeaderApplicationView> {
    const leaders = m.getRepository(LeaderEntity);
    const existing = await leaders.findOneBy({ memberId });
    const inviteCode = input.inviteCode?.trim().toUpperCase();
    const inviter = inviteCode
      ? await leaders.findOne({
          where: { inviteCode },
          select: { id: true, memberId: true, status: true, name: true, inviteCode: true },
        })
      : undefined;
    const violation = applicationViolation({
      agreementAccepted: input.agreementAccepted,
      agreementVersion: input.agreementVersion,
      currentAgreementVersion: CURRENT_LEADER_AGREEMENT.version,
      existingStatus: existing?.status ?? null,
      inviter,
      applicantMemberId: memberId,
    });
    if (violation) throw new BusinessError(violation.code, violation.message, violation.status);

    const now = new Date();
    const fields = {
      name: input.name.trim(),
      phone: input.phone.trim(),
      uplineLeaderId: inviter?.id ?? null,
      agreementVersion: input.agreementVersion,
      agreementAcceptedAt: now,
      appliedAt: now,
      reviewedAt: null,
      reviewedByStaffId: null,
      reviewedByName: null,
      statusReason: null,
    };
    const pointFields = {
      name: input.pickupPoint.name.trim(),
      address: input.pickupPoint.address.trim(),
      latitude: input.pickupPoint.latitude,
      longitude: input.pickupPoint.longitude,
      openingHours: input.pickupPoint.openingHours.trim(),
      contactPhone: input.pickupPoint.contactPhone?.trim() || fields.phone,
      // Absent on a re-application keeps the photo already on file; null removes it.
      ...(input.pickupPoint.photoUrl !== undefined ? { photoUrl: input.pickupPoint.photoUrl } : {}),
    };
    const points = m.getRepository(PickupPointEntity);
    let before: Record<string, unknown> | null = null;
    let leaderId: number;
    if (!existing) {
      const row = leaders.create({
        ...fields,
        memberId,
        status: LeaderStatus.PENDING,
        inviteCode: await this.leaders.newInviteCode(m),
      });
      await leaders.insert(row);
      await points.insert(points.create({ ...pointFields, leaderId: row.id }));
      leaderId = row.id;
    } else {
      const point = await points.findOneBy({ leaderId: existing.id });
      before = leaderAuditSnapshot(existing, point);
      const moved = await transitionStatus(m, existing.id, LeaderStatus.REJECTED, {
        ...fields,
        status: LeaderStatus.PENDING,
      });
      if (!moved) {
        const current = await reloadCurrent(m, existing.id);
        throw new ConflictError(
          'LEADER_ALREADY_EXISTS',
          invalidTransitionMessage(current?.status ?? existing.status, 'apply'),
        );
      }
      if (point) await points.update({ id: point.id }, pointFields);
      else await points.insert(points.create({ ...pointFields, leaderId: existing.id }));
      leaderId = existing.id;
    }

    const leader = await leaders.findOneByOrFail({ id: leaderId });
    const point = await points.findOneByOrFail({ leaderId });
    await this.audit.record(m, ctx, {
      action: 'leader.apply',
      entityType: 'leader',
      entityId: leaderId,
      before,
      after: leaderAuditSnapshot(leader, point),
    });
    return toApplicationView(leader, point, inviter ?? null);
  }

  /** A photo must be a file our storage handed out (and still holds): no hot-linking foreign URLs. */
  private async assertOwnPhotoUrl(url: string | null | undefined): Promise<void> {
    if (url === null || url === undefined) return;
    const key = this.storage.keyOf(url);
    if (key === null || !(await this.storage.exists(key))) {
      throw new BusinessError('UPLOAD_URL_INVALID', '自提点照片无效，请重新上传');
    }
  }

  /** GET /api/app/leader-applications/mine: the caller's own leader row, or null. */
  async mine(ctx: RequestContext): Promise<LeaderApplicationView | null> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      const leader = await m.getRepository(LeaderEntity).findOneBy({ memberId });
      if (!leader) return null;
      const point = (await pickupPointsOf(m, [leader.id])).get(leader.id);
      // Every leader has a pickup point (inserted with the row); a missing one is a broken invariant.
      if (!point) throw new Error(`leader ${leader.id} has no pickup point`);
      const upline =
        leader.uplineLeaderId === null
          ? null
          : await m.getRepository(LeaderEntity).findOne({
              where: { id: leader.uplineLeaderId },
              select: { id: true, name: true, inviteCode: true },
            });
      return toApplicationView(leader, point, upline);
    });
  }

  /** GET /api/app/leader/recruits: the caller's direct recruits; only for an active leader. */
  async recruits(ctx: RequestContext): Promise<RecruitView[]> {
    const { memberId } = requireMember(ctx);
    return this.tx.run(async (m) => {
      const leader = await m
        .getRepository(LeaderEntity)
        .findOne({ where: { memberId }, select: { id: true, status: true } });
      if (!leader || leader.status !== LeaderStatus.ACTIVE) {
        throw new ForbiddenError('LEADER_NOT_ACTIVE', '只有正常状态的团长可以查看团员');
      }
      const recruits = await findRecruits(m, leader.id, MAX_RECRUITS);
      const points = await pickupPointsOf(
        m,
        recruits.map((r) => r.id),
      );
      return recruits.map((r) => toRecruitView(r, points.get(r.id)));
    });
  }
}
