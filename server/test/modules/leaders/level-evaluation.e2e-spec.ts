import type {
  LeaderDetail,
  LeaderLevel,
  LevelEvaluationResult,
  StaffLoginResponse,
} from '@linli/shared-types';
import { LevelEvaluationService } from '../../../src/modules/leaders/level-evaluation.service';
import { nextEvaluation } from '../../../src/modules/leaders/domain/business-day';
import { addDays, shanghaiDate } from '../../../src/platform/time/shanghai';
import { InProcessJobQueue } from '../../../src/platform/queue/in-process-job-queue';
import { createTestApp, type TestApp } from '../../support/test-app';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import { application, apply, findLeader, memberLogin } from './leaders-test-kit';
import { listLevels, putDailySales, setActiveCustomers, sqlDateTime } from './levels-test-kit';

describe('leader level evaluation', () => {
  let t: TestApp;
  let admin: StaffLoginResponse;
  let normal: LeaderLevel;
  let silver: LeaderLevel;
  let gold: LeaderLevel;
  const ids: Record<string, number> = {};

  const get = (path: string) =>
    t
      .http()
      .get(path)
      .set(...bearer(admin.accessToken));
  const post = (path: string, body: object = {}) =>
    t
      .http()
      .post(path)
      .set(...bearer(admin.accessToken))
      .send(body);
  const detail = async (leaderId: number) =>
    (await get(`/api/admin/leaders/${leaderId}`).expect(200)).body as LeaderDetail;

  /** A new applicant, approved (the approval gives them the lowest level). */
  async function approvedLeader(openid: string, name: string): Promise<number> {
    const session = await memberLogin(t, openid);
    const res = await apply(
      t,
      session.accessToken,
      application({ name, pickupPoint: { ...application().pickupPoint, name: `${name}的自提点` } }),
    ).expect(201);
    const leaderId = Number(res.body.leaderId);
    await post(`/api/admin/leaders/${leaderId}/approve`).expect(200);
    return leaderId;
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    await seedDemo(t);
    admin = await loginAsAdmin(t);
    [normal, silver, gold] = await listLevels(t, admin.accessToken);
    // A ladder small enough for the demo's handful of customers.
    const edit = (level: LeaderLevel, upgrade: [number, number], keep: [number, number]) =>
      t
        .http()
        .put(`/api/admin/leader-levels/${level.id}`)
        .set(...bearer(admin.accessToken))
        .send({
          name: level.name,
          rank: level.rank,
          commissionRateBps: level.commissionRateBps,
          upgrade: { minGmv30dFen: upgrade[0], minActiveCustomers30d: upgrade[1] },
          keep: { minGmv30dFen: keep[0], minActiveCustomers30d: keep[1] },
        })
        .expect(200);
    await edit(silver, [100_000, 3], [50_000, 2]);
    await edit(gold, [500_000, 4], [200_000, 3]);

    ids.wang = (await findLeader(t, admin.accessToken, '王丽华')).id;
    ids.chen = (await findLeader(t, admin.accessToken, '陈建国')).id;
    ids.liu = (await findLeader(t, admin.accessToken, '刘晓燕')).id;
    ids.held = await approvedLeader('eval-held', '保级团长');
    ids.expired = await approvedLeader('eval-expired', '过期团长');
    ids.suspended = await approvedLeader('eval-suspended', '停用团长');
    await post(`/api/admin/leaders/${ids.suspended}/suspend`, { reason: '测试停用' }).expect(200);
    await post(`/api/admin/leaders/${ids.held}/level`, {
      levelId: gold.id,
      reason: '重点扶持',
      holdDays: 30,
    }).expect(200);
    await post(`/api/admin/leaders/${ids.expired}/level`, { levelId: silver.id, reason: '试用银牌' }).expect(
      200,
    );
    await t.dataSource.query('UPDATE leaders SET level_hold_until = ? WHERE id = ?', [
      sqlDateTime(new Date(Date.now() - 60_000)),
      ids.expired,
    ]);

    await t.dataSource.query('DELETE FROM leader_daily_sales');
    const today = shanghaiDate(new Date());
    await putDailySales(t, ids.chen, today, 70_000);
    await putDailySales(t, ids.chen, addDays(today, -29), 50_000);
    await putDailySales(t, ids.chen, addDays(today, -30), 10_000_000); // outside the 30 days
    await putDailySales(t, ids.wang, addDays(today, -45), 10_000_000); // outside the 30 days
    await setActiveCustomers(t, ids.chen, 3);
    await setActiveCustomers(t, ids.wang, 1);
  });
  afterAll(() => t?.close());

  it('the seeded leaders start where the demo put them', async () => {
    expect((await detail(ids.wang)).levelId).toBe(silver.id);
    expect((await detail(ids.chen)).levelId).toBe(normal.id);
    expect((await detail(ids.liu)).levelId).toBeNull();
  });

  it('shows the figures the evaluation uses on the detail', async () => {
    const chen = await detail(ids.chen);
    expect(chen.metrics).toMatchObject({ gmv30dFen: 120_000, activeCustomers30d: 3 });
    expect(Date.parse(chen.metrics.measuredAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('evaluates: initial, upgrade, downgrade, holds and skips suspended leaders', async () => {
    const res = await post('/api/admin/leader-levels/evaluate').expect(200);
    expect(res.body as LevelEvaluationResult).toEqual({
      evaluated: 4,
      initial: 1,
      upgraded: 1,
      downgraded: 2,
      held: 1,
    });

    const chen = await detail(ids.chen);
    expect(chen).toMatchObject({ levelId: silver.id, levelName: silver.name });
    expect(chen.levelHistory[0]).toMatchObject({
      kind: 'upgrade',
      fromLevelId: normal.id,
      toLevelId: silver.id,
      toLevelName: silver.name,
      reason: '近30天GMV ¥1,200.00 ≥ ¥1,000.00，活跃客户 3 ≥ 3',
      gmv30dFen: 120_000,
      activeCustomers30d: 3,
      actorType: 'system',
    });

    const wang = await detail(ids.wang);
    expect(wang.levelId).toBe(normal.id);
    expect(wang.levelHistory.map((h) => h.kind)).toEqual(['downgrade', 'upgrade', 'initial']);
    expect(wang.levelHistory[0]).toMatchObject({
      reason: '近30天GMV ¥0.00 < 保级线 ¥500.00，活跃客户 1 < 保级线 2',
      gmv30dFen: 0,
      activeCustomers30d: 1,
    });

    const liu = await detail(ids.liu);
    expect(liu.levelId).toBe(normal.id);
    expect(liu.levelHistory).toHaveLength(1);
    expect(liu.levelHistory[0]).toMatchObject({ kind: 'initial', fromLevelId: null, actorType: 'system' });

    // Held after a manual change: untouched although its figures are far below gold.
    const held = await detail(ids.held);
    expect(held.levelId).toBe(gold.id);
    expect(held.levelHistory[0].kind).toBe('manual');

    // The hold ran out: judged again (one rank down) and the hold is cleared.
    const expired = await detail(ids.expired);
    expect(expired).toMatchObject({ levelId: normal.id, levelHoldUntil: null });
    expect(expired.levelHistory[0].kind).toBe('downgrade');

    const suspended = await detail(ids.suspended);
    expect(suspended.levelId).toBe(normal.id);
    expect(suspended.levelHistory.map((h) => h.kind)).toEqual(['initial']);
  });

  it('audits the run and changes nothing when run again', async () => {
    const audits = (await t.dataSource.query(
      "SELECT id FROM audit_logs WHERE action = 'leaderLevel.evaluate'",
    )) as unknown[];
    expect(audits).toHaveLength(1);
    const changes = Number(
      (
        (await t.dataSource.query('SELECT COUNT(*) AS n FROM leader_level_changes')) as Array<{ n: number }>
      )[0].n,
    );
    const again = await post('/api/admin/leader-levels/evaluate').expect(200);
    expect(again.body).toEqual({ evaluated: 4, initial: 0, upgraded: 0, downgraded: 0, held: 1 });
    const after = Number(
      (
        (await t.dataSource.query('SELECT COUNT(*) AS n FROM leader_level_changes')) as Array<{ n: number }>
      )[0].n,
    );
    expect(after).toBe(changes);
  });

  it('counts the leaders on each level', async () => {
    const levels = await listLevels(t, admin.accessToken);
    const count = (id: number) => levels.find((l) => l.id === id)?.leaderCount;
    // normal: 王丽华, 刘晓燕, 过期团长, 停用团长; silver: 陈建国; gold: 保级团长
    expect([count(normal.id), count(silver.id), count(gold.id)]).toEqual([4, 1, 1]);
  });

  it('schedules the next 02:00 Shanghai run at start-up and again after each scheduled run', async () => {
    if (!(t.queue instanceof InProcessJobQueue)) return; // Bull keeps its delayed jobs in Redis
    const queue = t.queue;
    const scheduled = () =>
      queue
        .pendingJobs()
        .filter((j) => j.name === 'leaders.evaluate-levels')
        .map((j) => j.jobId);
    const next = nextEvaluation(new Date());
    expect(scheduled()).toEqual([`leader-levels-${next.runDate}`]);

    await t.app.get(LevelEvaluationService).runScheduled({ runDate: next.runDate });
    expect(scheduled()).toEqual([
      `leader-levels-${next.runDate}`,
      `leader-levels-${addDays(next.runDate, 1)}`,
    ]);
  });
});
