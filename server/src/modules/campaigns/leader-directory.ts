import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LeadersService, type LeaderIdentity } from '../leaders';

/** A leader as campaigns need it: audience checks (level), sharing (invite code, name). */
export type CampaignLeader = LeaderIdentity;

/** The port through which campaigns read leaders (a class so tests can replace it). */
export abstract class CampaignLeaderDirectory {
  abstract byId(leaderId: number, manager?: EntityManager): Promise<CampaignLeader | null>;
  abstract byMember(memberId: number, manager?: EntityManager): Promise<CampaignLeader | null>;
}

@Injectable()
export class LeadersServiceDirectory extends CampaignLeaderDirectory {
  constructor(private readonly leaders: LeadersService) {
    super();
  }

  byId(leaderId: number, manager?: EntityManager): Promise<CampaignLeader | null> {
    return this.leaders.identityOf(leaderId, manager);
  }

  byMember(memberId: number, manager?: EntityManager): Promise<CampaignLeader | null> {
    return this.leaders.identityOfMember(memberId, manager);
  }
}
