import Redis from 'ioredis';
import { ADMIT_SCRIPT, BUILD_SCRIPT, GIVE_BACK_SCRIPT, PEEK_SCRIPT } from './flash-sale-scripts';
import {
  type GateBuildResult,
  type GateDecision,
  type GateLine,
  type GateSnapshot,
  type FlashSaleGateOptions,
  GateUnavailableError,
} from './flash-sale-gate.types';
import {
  type AdmitReply,
  admitArguments,
  assertId,
  assertPrefix,
  buildArguments,
  gateKeys,
  giveBackArguments,
  parseAdmitReply,
  parsePeekReply,
} from './gate-arguments';

const DEFAULT_COMMAND_TIMEOUT_MS = 500;
/** ioredis states in which Redis is known to be unreachable: asking would only park the command. */
const REDIS_DOWN_STATES = new Set(['reconnecting', 'close', 'end']);

/**
 * The flash-sale (秒杀) gate: an atomic Redis pre-check in front of the database (docs/orders.md,
 * "Flash-sale gate"). It fails CLOSED: every Redis error, timeout or unexpected reply becomes
 * GateUnavailableError, and no path answers 'admitted' without the admit script having taken the units.
 *
 * A command that timed out may still run later on Redis. For admit that only ever takes units (an
 * under-sell until the next rebuild, never an oversell), and the recorded key turns the member's retry
 * with the same key into 'replay', which reuses those units. A client with `enableOfflineQueue: false`
 * keeps such late commands to a minimum.
 */
export class FlashSaleGate {
  private readonly timeoutMs: number;
  /** Rebuilds in flight per campaign: concurrent misses in this process share one loadSnapshot(). */
  private readonly rebuilds = new Map<number, Promise<void>>();
  /** Completed rebuilds per campaign, to tell a miss that a rebuild has answered since it was sent. */
  private readonly rebuildCount = new Map<number, number>();

  constructor(
    private readonly redis: Redis,
    private readonly options: FlashSaleGateOptions,
  ) {
    assertPrefix(options.prefix);
    this.timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  }

  /**
   * Atomically admit or refuse. When the gate is missing (never built, flushed, evicted) or lacks an item,
   * loads the snapshot once (shared with concurrent misses in this process), builds or completes the gate
   * only where still missing (a concurrent builder wins), and retries once. Still missing → unavailable;
   * an item still unknown after a fresh snapshot is not in the campaign → sold out (0 left).
   */
  async admit(
    campaignId: number,
    memberId: number,
    idempotencyKey: string,
    lines: GateLine[],
    loadSnapshot: () => Promise<GateSnapshot>,
  ): Promise<GateDecision> {
    assertId('campaign id', campaignId);
    const args = admitArguments(memberId, idempotencyKey, lines);
    const keys = gateKeys(this.options.prefix, campaignId);
    const rebuildsBefore = this.rebuildCount.get(campaignId) ?? 0;
    const first = await this.runAdmit(keys, args);
    if (first.kind !== 'missing' && first.kind !== 'rebuild') return first;

    // A rebuild that completed since we sent the script already answers this miss: no second load.
    if ((this.rebuildCount.get(campaignId) ?? 0) === rebuildsBefore) {
      await this.rebuild(campaignId, loadSnapshot);
    }
    const second = await this.runAdmit(keys, args);
    if (second.kind === 'missing') {
      throw new GateUnavailableError(`flash-sale gate ${campaignId}: still missing after a rebuild`);
    }
    if (second.kind === 'rebuild') return { kind: 'sold_out', itemId: second.itemId, remaining: 0 };
    return second;
  }

  /**
   * Writes the gate from a snapshot unless an intact one exists (then adds only the items it lacks).
   * admit() calls this on a miss; callers may also warm a gate before the sale opens.
   */
  async build(campaignId: number, snapshot: GateSnapshot): Promise<GateBuildResult> {
    assertId('campaign id', campaignId);
    if (snapshot.expiresAt.getTime() <= Date.now()) {
      // PEXPIREAT in the past deletes at once: admit would loop into "still missing".
      throw new GateUnavailableError(`flash-sale gate ${campaignId}: snapshot already expired`);
    }
    const args = buildArguments(snapshot);
    const keys = gateKeys(this.options.prefix, campaignId);
    const reply = await this.guard('build', () => BUILD_SCRIPT.run(this.redis, keys, args));
    if (reply !== 'built' && reply !== 'patched' && reply !== 'kept') {
      throw new GateUnavailableError(
        `flash-sale gate ${campaignId}: unexpected build reply ${String(reply)}`,
      );
    }
    return reply;
  }

  /**
   * Gives units back (DB refused the order, or it was cancelled/closed/refunded). With `forgetKey` the
   * member+key admission is forgotten, and units return only if that admission is still recorded. Never
   * more than the member holds in the gate; no-op when the gate is missing.
   */
  async giveBack(
    campaignId: number,
    memberId: number,
    lines: Array<{ itemId: number; quantity: number }>,
    options: { forgetKey?: string } = {},
  ): Promise<void> {
    assertId('campaign id', campaignId);
    const args = giveBackArguments(memberId, lines, options.forgetKey);
    const keys = gateKeys(this.options.prefix, campaignId);
    await this.guard('give back', () => GIVE_BACK_SCRIPT.run(this.redis, keys, args));
  }

  /** Drops the campaign's keys (it ended, or its items changed: the next admit rebuilds from the DB). */
  async forget(campaignId: number): Promise<void> {
    assertId('campaign id', campaignId);
    const keys = gateKeys(this.options.prefix, campaignId);
    await this.guard('forget', () => this.redis.del(...keys));
  }

  /** Units left per item as Redis sees them, or null when the gate is not built. */
  async peek(campaignId: number): Promise<Map<number, number> | null> {
    assertId('campaign id', campaignId);
    const keys = gateKeys(this.options.prefix, campaignId);
    const reply = await this.guard('peek', () => PEEK_SCRIPT.run(this.redis, keys, []));
    return this.parse('peek', () => parsePeekReply(reply));
  }

  private async runAdmit(keys: readonly string[], args: readonly string[]): Promise<AdmitReply> {
    const reply = await this.guard('admit', () => ADMIT_SCRIPT.run(this.redis, keys, args));
    return this.parse('admit', () => parseAdmitReply(reply));
  }

  /** Joins the rebuild in flight for this campaign, or starts one. */
  private rebuild(campaignId: number, loadSnapshot: () => Promise<GateSnapshot>): Promise<void> {
    const running = this.rebuilds.get(campaignId);
    if (running) return running;
    const started = (async () => {
      let snapshot: GateSnapshot;
      try {
        snapshot = await loadSnapshot();
      } catch (error) {
        throw new GateUnavailableError(`flash-sale gate ${campaignId}: loading the snapshot failed`, {
          cause: error,
        });
      }
      await this.build(campaignId, snapshot);
      this.rebuildCount.set(campaignId, (this.rebuildCount.get(campaignId) ?? 0) + 1);
    })().finally(() => this.rebuilds.delete(campaignId));
    this.rebuilds.set(campaignId, started);
    return started;
  }

  /** Runs one Redis call with a deadline; every failure becomes GateUnavailableError. */
  private async guard<T>(what: string, call: () => Promise<T>): Promise<T> {
    if (REDIS_DOWN_STATES.has(this.redis.status)) {
      throw new GateUnavailableError(
        `flash-sale gate: ${what} refused, Redis unavailable (${this.redis.status})`,
      );
    }
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new GateUnavailableError(`flash-sale gate: ${what} timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      // race() also handles a late rejection of the call: no unhandled rejection after a timeout.
      return await Promise.race([call(), deadline]);
    } catch (error) {
      if (error instanceof GateUnavailableError) throw error;
      throw new GateUnavailableError(`flash-sale gate: ${what} failed: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<T>(what: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw new GateUnavailableError(
        `flash-sale gate: ${what} reply unreadable: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
  }
}
