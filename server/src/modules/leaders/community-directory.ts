import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LeaderStatus } from '@linli/shared-types';
import {
  communitiesByIds,
  findJoinableByCode,
  incrementMemberCount,
  lockJoinable,
  leaderOfMember,
} from './persistence/community.repository';
import { CommunityEntity } from './persistence/community.entity';
import { namesOf } from './persistence/leader.repository';

/** A community an invite code may join right now: ACTIVE, of an ACTIVE leader. */
export interface JoinableCommunity {
  id: number;
  name: string;
  leaderId: number;
  leaderName: string;
}

export interface CommunityRef {
  id: number;
  name: string;
  leaderId: number;
  leaderName: string | null;
}

/**
 * What other contexts (members) need of communities, inside their own transaction: resolving an invite
 * code, counting a new membership, naming communities. The memberships themselves live with members.
 */
@Injectable()
export class CommunityDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The joinable community of an invite code (case-insensitive), or null. */
  async findJoinable(
    inviteCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JoinableCommunity | null> {
    const code = inviteCode.trim().toUpperCase();
    if (!code) return null;
    const found = await findJoinableByCode(manager, code);
    if (!found) return null;
    const { community, leaderName } = found;
    return { id: community.id, name: community.name, leaderId: community.leaderId, leaderName };
  }

  /**
   * Locks the community for a join in the caller's transaction (one community's joins queue up);
   * false when it was archived meanwhile. Lock the member first, then the community.
   */
  lockForJoinWith(manager: EntityManager, communityId: number): Promise<boolean> {
    return lockJoinable(manager, communityId);
  }

  /**
   * Counts one new member, in the caller's transaction with the membership insert. False when the
   * community was archived meanwhile (the caller then inserts nothing).
   */
  countNewMemberWith(manager: EntityManager, communityId: number): Promise<boolean> {
    return incrementMemberCount(manager, communityId);
  }

  /** Communities by id with their leader's name (missing ids are left out). */
  async refsOf(
    ids: readonly number[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<number, CommunityRef>> {
    const rows = await communitiesByIds(manager, ids);
    const leaderNames = await namesOf(
      manager,
      rows.map((r) => r.leaderId),
    );
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, name: r.name, leaderId: r.leaderId, leaderName: leaderNames.get(r.leaderId) ?? null },
      ]),
    );
  }

  /** A leader's communities (any status), newest first: at most a few dozen. */
  async ofLeader(
    leaderId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ id: number; name: string }>> {
    const rows = await manager.getRepository(CommunityEntity).find({
      where: { leaderId },
      select: { id: true, name: true },
      order: { id: 'DESC' },
    });
    return rows.map((r) => ({ id: r.id, name: r.name }));
  }

  /** The ACTIVE leader id of a member, or null when the member is not (or no longer) an active leader. */
  async activeLeaderIdOfMember(
    memberId: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number | null> {
    const leader = await leaderOfMember(manager, memberId);
    return leader?.status === LeaderStatus.ACTIVE ? leader.id : null;
  }
}
