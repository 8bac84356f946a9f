import { randomInt } from 'node:crypto';
import { SHANGHAI_OFFSET_MS } from '../../../platform';

/**
 * Order numbers: 20 digits, `yyMMddHHmmssSSS` in Asia/Shanghai time followed by a 5-digit sequence of
 * this process (starting at a random point). They sort by time to the millisecond, read well on a
 * receipt, fit WeChat Pay's out_trade_no (6–32 characters), and two processes only collide when both
 * hit the same millisecond and sequence value; the unique index turns that into a retry.
 */
export class OrderNumberGenerator {
  private sequence: number;

  constructor(start: number = randomInt(0, 100_000)) {
    this.sequence = start % 100_000;
  }

  next(now: Date = new Date()): string {
    this.sequence = (this.sequence + 1) % 100_000;
    return `${shanghaiStamp(now)}${String(this.sequence).padStart(5, '0')}`;
  }
}

function shanghaiStamp(now: Date): string {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    two(local.getUTCFullYear() % 100) +
    two(local.getUTCMonth() + 1) +
    two(local.getUTCDate()) +
    two(local.getUTCHours()) +
    two(local.getUTCMinutes()) +
    two(local.getUTCSeconds()) +
    String(local.getUTCMilliseconds()).padStart(3, '0')
  );
}
