import type { CampaignView } from '@linli/shared-types';
import { CampaignClock } from '../../../src/modules/campaigns/jobs/campaign-clock.service';
import { InProcessJobQueue } from '../../../src/platform/queue/in-process-job-queue';
import { createTestApp, type TestApp } from '../../support/test-app';
import { devLogin } from '../members/members-test-kit';
import { bearer, loginAsAdmin, seedDemo } from '../support/modules-test-kit';
import {
  campaignAction,
  campaignInput,
  campaignStatus,
  createCampaign,
  dbTime,
  eventually,
  sellableSkus,
  type SeededSku,
} from './campaigns-test-kit';

/**
 * Status moves by time through real delayed jobs (in-process timers on SQLite, Bull on MariaDB + Redis):
 * campaigns a few seconds long, polled until the job has moved them.
 */
describe('campaign status over time', () => {
  let t: TestApp;
  let admin: string;
  let buyer: string;
  let skus: SeededSku[];

  beforeAll(async () => {
    t = await createTestApp({ env: { DEV_LOGIN: 'true' } });
    await seedDemo(t);
    admin = (await loginAsAdmin(t)).accessToken;
    buyer = (await devLogin(t, 'demo-buyer')).accessToken;
    skus = await sellableSkus(t);
  });
  afterAll(() => t.close());

  /** A campaign starting in `startInMs` and lasting `lengthMs` (cut-off at its end). */
  const shortCampaign = (title: string, startInMs: number, lengthMs: number) => {
    const start = Date.now() + startInMs;
    return campaignInput(skus, {
      title,
      startAt: new Date(start).toISOString(),
      cutoffAt: new Date(start + lengthMs).toISOString(),
      endAt: new Date(start + lengthMs).toISOString(),
      pickupDate: new Date(start + 2 * 86_400_000).toISOString().slice(0, 10),
    });
  };
  const buyerTitles = async () =>
    (
      (
        await t
          .http()
          .get('/api/app/campaigns')
          .set(...bearer(buyer))
      ).body as CampaignView[]
    ).map((c) => c.title);

  it('goes live at its start and ends at its end, and buyers see it only meanwhile', async () => {
    const draft = await createCampaign(t, admin, shortCampaign('三秒团', 1500, 2500));
    expect((await campaignAction(t, admin, draft.id, 'schedule')).status).toBe('scheduled');
    expect(await buyerTitles()).not.toContain('三秒团');
    await eventually(async () => (await campaignStatus(t, draft.id)) === 'live');
    expect(await buyerTitles()).toContain('三秒团');
    await eventually(async () => (await campaignStatus(t, draft.id)) === 'ended');
    expect(await buyerTitles()).not.toContain('三秒团');
    const actions = (await t.dataSource.query(
      "SELECT action FROM audit_logs WHERE entity_type = 'campaign' AND entity_id = ? ORDER BY id",
      [String(draft.id)],
    )) as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual([
      'campaign.create',
      'campaign.schedule',
      'campaign.start',
      'campaign.finish',
    ]);
  });

  it('follows an edited start: the job queued for the old start does nothing', async () => {
    const input = shortCampaign('改期团', 1000, 60_000);
    const draft = await createCampaign(t, admin, input);
    await campaignAction(t, admin, draft.id, 'schedule');
    const later = { ...input, startAt: new Date(Date.parse(input.startAt) + 2500).toISOString() };
    await t
      .http()
      .put(`/api/admin/campaigns/${draft.id}`)
      .set(...bearer(admin))
      .send(later)
      .expect(200);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // past the old start
    expect(await campaignStatus(t, draft.id)).toBe('scheduled');
    await eventually(async () => (await campaignStatus(t, draft.id)) === 'live');
  });

  it('does not move a campaign taken back to draft', async () => {
    const draft = await createCampaign(t, admin, shortCampaign('撤回团', 800, 60_000));
    await campaignAction(t, admin, draft.id, 'schedule');
    await campaignAction(t, admin, draft.id, 'unschedule');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await campaignStatus(t, draft.id)).toBe('draft');
  });

  it('the sweep moves campaigns whose job was lost', async () => {
    const draft = await createCampaign(t, admin, campaignInput(skus, { title: '丢了任务的团' }));
    await campaignAction(t, admin, draft.id, 'schedule');
    // Its start job is a day away; pretend the start passed without it (a restart lost the timer).
    await t.dataSource.query('UPDATE campaigns SET start_at = ? WHERE id = ?', [
      dbTime(Date.now() - 60_000),
      draft.id,
    ]);
    const clock = t.app.get(CampaignClock);
    expect((await clock.sweep(new Date())).moved).toBeGreaterThanOrEqual(1);
    expect(await campaignStatus(t, draft.id)).toBe('live');
    await t.dataSource.query('UPDATE campaigns SET end_at = ?, cutoff_at = ? WHERE id = ?', [
      dbTime(Date.now() - 1000),
      dbTime(Date.now() - 2000),
      draft.id,
    ]);
    await clock.sweep(new Date());
    expect(await campaignStatus(t, draft.id)).toBe('ended');
    // Nothing left to move: a second sweep is a no-op.
    expect((await clock.sweep(new Date())).moved).toBe(0);
  });

  it('keeps one sweep queued (a chain of delayed jobs, one id per minute)', async () => {
    if (!(t.queue instanceof InProcessJobQueue)) return; // Bull keeps its delayed jobs in Redis
    const sweeps = () =>
      (t.queue as InProcessJobQueue).pendingJobs().filter((j) => j.name === 'campaigns.sweep');
    expect(sweeps()).toHaveLength(1);
    const [next] = sweeps();
    await t.app.get(CampaignClock).onSweep({ slot: Number(next.jobId?.split('-').pop()) });
    expect(sweeps().map((j) => j.jobId)).toEqual([
      next.jobId,
      `campaigns.sweep-${Number(next.jobId?.split('-').pop()) + 60_000}`,
    ]);
  });
});
