import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../../platform';

/** A leader who was just approved: runs inside the approval's transaction. */
export type LeaderApprovedListener = (
  manager: EntityManager,
  ctx: RequestContext,
  leader: { leaderId: number; memberId: number },
) => Promise<void>;

/**
 * Lets contexts that depend on leaders (members) take part in leader transitions without leaders
 * depending on them back: they register a listener at start-up, the approval calls it in its transaction.
 */
@Injectable()
export class LeaderLifecycleHooks {
  private readonly approvedListeners: LeaderApprovedListener[] = [];

  onApproved(listener: LeaderApprovedListener): void {
    this.approvedListeners.push(listener);
  }

  /** `ctx` is the approving staff member's, so listeners can record who did it. */
  async approved(
    manager: EntityManager,
    ctx: RequestContext,
    leader: { leaderId: number; memberId: number },
  ): Promise<void> {
    for (const listener of this.approvedListeners) await listener(manager, ctx, leader);
  }
}
