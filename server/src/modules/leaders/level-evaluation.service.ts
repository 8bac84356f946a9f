import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager, MoreThan } from 'typeorm';
import { LeaderStatus, type LevelEvaluationResult } from '@linli/shared-types';
import {
  APP_CONFIG,
  type AppConfig,
  defineJob,
  JobHandler,
  JobQueue,
  RequestContext,
  requirePermission,
  systemContext,
  TransactionRunner,
} from '../../platform';
import { AuditService } from '../audit';
import { nextEvaluation } from './domain/business-day';
import { decideLevel, type LevelRung } from './domain/level-evaluation';
import { LeaderLevelsService } from './leader-levels.service';
import { LeaderMetricsService } from './leader-metrics.service';
import { toLevelRung } from './level.mapper';
import { LeaderEntity } from './persistence/leader.entity';
import { levelsByRank } from './persistence/level.repository';

declare module '../../platform' {
  interface JobPayloads {
    /** The daily level evaluation of the Shanghai date `runDate` (02:00 there). */
    'leaders.evaluate-levels': { runDate: string };
  }
}
export const EVALUATE_LEVELS_JOB = defineJob('leaders.evaluate-levels');

/** Leaders per transaction: bounded locks and memory whatever the number of leaders. */
export const EVALUATION_BATCH_SIZE = 500;
const SYSTEM_ACTOR = { type: 'system' as const, id: null, name: '等级评估' };

/**
 * The level evaluation: daily at 02:00 Asia/Shanghai and on demand. The queue has no cron, so each run
 * schedules the next one as a delayed job whose id is its run date: every process (and every restart)
 * may schedule it, the queue keeps one.
 */
@Injectable()
export class LevelEvaluationService implements OnApplicationBootstrap {
  private readonly logger = new Logger(LevelEvaluationService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    private readonly levels: LeaderLevelsService,
    private readonly metrics: LeaderMetricsService,
  ) {}

  onApplicationBootstrap(): void {
    // Workers (and the single embedded process) own the schedule; API-only processes never run jobs.
    if (this.config.processRole === 'api') return;
    // Not awaited: start-up must not wait on (or fail with) an unreachable Redis.
    void this.scheduleNext(new Date());
  }

  @JobHandler(EVALUATE_LEVELS_JOB)
  async runScheduled(data: { runDate: string }): Promise<void> {
    try {
      const result = await this.evaluateAll(systemContext('level-evaluation'));
      this.logger.log({ runDate: data.runDate, ...result }, 'scheduled level evaluation done');
    } finally {
      await this.scheduleNext(new Date(), data.runDate);
    }
  }

  /** POST /api/admin/leader-levels/evaluate. */
  async evaluateNow(ctx: RequestContext): Promise<LevelEvaluationResult> {
    requirePermission(ctx, 'leaders.write');
    const result = await this.evaluateAll(ctx);
    // The evaluation spans many transactions (one per batch); the audit row records the run as a whole.
    await this.tx.run((m) =>
      this.audit.record(m, ctx, {
        action: 'leaderLevel.evaluate',
        entityType: 'leader_level',
        entityId: null,
        before: null,
        after: { ...result },
      }),
    );
    return result;
  }

  /** Judges every active leader, EVALUATION_BATCH_SIZE per transaction. */
  async evaluateAll(_ctx: RequestContext, now: Date = new Date()): Promise<LevelEvaluationResult> {
    const result: LevelEvaluationResult = { evaluated: 0, initial: 0, upgraded: 0, downgraded: 0, held: 0 };
    const ladder = (await this.tx.run((m) => levelsByRank(m))).map(toLevelRung);
    if (ladder.length === 0) return result;
    let afterId = 0;
    for (;;) {
      const lastId = await this.tx.run((m) => this.evaluateBatch(m, ladder, afterId, now, result));
      if (lastId === null) return result;
      afterId = lastId;
    }
  }

  /** Returns the last leader id of the batch, or null when there were none left. */
  private async evaluateBatch(
    m: EntityManager,
    ladder: LevelRung[],
    afterId: number,
    now: Date,
    result: LevelEvaluationResult,
  ): Promise<number | null> {
    const leaders = await m.getRepository(LeaderEntity).find({
      where: { status: LeaderStatus.ACTIVE, id: MoreThan(afterId) },
      select: { id: true, levelId: true, levelHoldUntil: true },
      order: { id: 'ASC' },
      take: EVALUATION_BATCH_SIZE,
    });
    if (leaders.length === 0) return null;
    const judged = leaders.filter((l) => !(l.levelHoldUntil && l.levelHoldUntil > now));
    result.held += leaders.length - judged.length;
    const metrics = await this.metrics.metricsOf(
      m,
      judged.map((l) => l.id),
      now,
    );
    for (const leader of judged) {
      result.evaluated += 1;
      const figures = metrics.get(leader.id) ?? { gmv30dFen: 0, activeCustomers30d: 0 };
      const decision = decideLevel(ladder, leader.levelId, figures);
      if (decision.kind === 'none') continue;
      const moved = await this.levels.recordChangeWith(m, {
        leaderId: leader.id,
        fromLevelId: leader.levelId,
        toLevelId: decision.toLevel.id,
        kind: decision.kind,
        reason: decision.reason,
        gmv30dFen: figures.gmv30dFen,
        activeCustomers30d: figures.activeCustomers30d,
        actor: SYSTEM_ACTOR,
        holdUntil: null,
      });
      if (!moved) continue; // changed by hand meanwhile: that change wins
      if (decision.kind === 'initial') result.initial += 1;
      else if (decision.kind === 'upgrade') result.upgraded += 1;
      else result.downgraded += 1;
    }
    return leaders[leaders.length - 1].id;
  }

  private async scheduleNext(now: Date, afterRunDate?: string): Promise<void> {
    const next = nextEvaluation(now, afterRunDate);
    try {
      await this.queue.add(
        EVALUATE_LEVELS_JOB,
        { runDate: next.runDate },
        {
          jobId: `leader-levels-${next.runDate}`,
          delayMs: Math.max(0, next.at.getTime() - Date.now()),
          attempts: 3,
          backoffMs: 60_000,
        },
      );
    } catch (error) {
      // The next start-up (or a manual "evaluate now") covers a missed schedule.
      this.logger.warn({ err: error, runDate: next.runDate }, 'could not schedule the level evaluation');
    }
  }
}
