import type { Paged, PickupPointChoice, RecruitView } from '@linli/shared-types';
import { application } from '../modules/leaders/leaders-test-kit';
import { bearer } from '../modules/support/modules-test-kit';
import {
  adminLeaderAction,
  createAuthzWorld,
  expectRefusedAndUnchanged,
  itRefuses,
  memberRow,
  newApplicant,
  staffCallersOnApp,
  withToken,
  type AuthzWorld,
} from './authz-kit';
import { describeRoute } from './describe-route';

/**
 * The mini-program API: a buyer acts only on themselves (no app route takes another member's id — the
 * member always comes from the token), a leader sees only their own recruits, and ids in request bodies
 * can only name what the caller may use.
 */
describe('authorization: app (members and leaders)', () => {
  let w: AuthzWorld;
  const world = () => w;
  let pending: { leaderId: number; token: string; memberId: number };
  let suspended: { leaderId: number; token: string; memberId: number };
  let rejected: number;
  let recruitOfA: number;
  let pendingRecruitOfA: number;
  let recruitOfB: number;

  beforeAll(async () => {
    w = await createAuthzWorld();
    pending = await newApplicant(w, 'authz-app-pending', '待审申请人');
    suspended = await newApplicant(w, 'authz-app-suspended', '停用团长');
    await adminLeaderAction(w, suspended.leaderId, 'approve');
    await adminLeaderAction(w, suspended.leaderId, 'suspend');
    rejected = (await newApplicant(w, 'authz-app-rejected', '被拒申请人')).leaderId;
    await adminLeaderAction(w, rejected, 'reject');
    recruitOfA = (await newApplicant(w, 'authz-recruit-a', '甲的团员', w.leaderA.inviteCode)).leaderId;
    await adminLeaderAction(w, recruitOfA, 'approve');
    pendingRecruitOfA = (await newApplicant(w, 'authz-recruit-a2', '甲的待审团员', w.leaderA.inviteCode))
      .leaderId;
    recruitOfB = (await newApplicant(w, 'authz-recruit-b', '乙的团员', w.leaderB.inviteCode)).leaderId;
    await adminLeaderAction(w, recruitOfB, 'approve');
  });
  afterAll(() => w?.t.close());

  describeRoute('GET /api/app/leader/recruits', () => {
    const recruits = (token: string) =>
      w.t
        .http()
        .get('/api/app/leader/recruits')
        .set(...bearer(token));

    /** Direct recruits straight from the table: the truth the endpoint must match exactly. */
    async function recruitIdsInDb(leaderId: number): Promise<number[]> {
      const rows = (await w.t.dataSource.query('SELECT id FROM leaders WHERE upline_leader_id = ?', [
        leaderId,
      ])) as Array<{ id: number | string }>;
      return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    }

    it.each([
      ['A', () => w.leaderA, () => [recruitOfA, pendingRecruitOfA], () => [recruitOfB]],
      ['B', () => w.leaderB, () => [recruitOfB], () => [recruitOfA, pendingRecruitOfA]],
    ])(
      "leader %s sees exactly their own direct recruits, none of the other's",
      async (_n, me, mine, theirs) => {
        const res = await recruits(me().token).expect(200);
        const ids = (res.body as RecruitView[]).map((r) => r.leaderId).sort((a, b) => a - b);
        expect(ids).toEqual(await recruitIdsInDb(me().leaderId));
        expect(ids).toEqual(expect.arrayContaining(mine()));
        for (const other of theirs()) expect(ids).not.toContain(other);
      },
    );

    it.each([
      ['a buyer who is not a leader', () => w.buyerA.token],
      ['a pending applicant', () => pending.token],
      ['a suspended leader', () => suspended.token],
    ])('refuses %s with 403 LEADER_NOT_ACTIVE and changes nothing', async (_label, token) => {
      await expectRefusedAndUnchanged(w.t, () => recruits(token()), 403, 'LEADER_NOT_ACTIVE');
    });

    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().get('/api/app/leader/recruits'), token),
    );
  });

  describeRoute('GET /api/app/me', () => {
    it.each([
      ['buyer A', () => w.buyerA],
      ['buyer B', () => w.buyerB],
      ['leader A', () => w.leaderA],
    ])('%s gets their own profile, never another', async (_label, party) => {
      const res = await w.t
        .http()
        .get('/api/app/me')
        .set(...bearer(party().token))
        .expect(200);
      expect(res.body.id).toBe(party().memberId);
    });

    it('ignores an id in the query string (the member comes from the token)', async () => {
      const res = await w.t
        .http()
        .get('/api/app/me')
        .query({ id: w.buyerB.memberId })
        .set(...bearer(w.buyerA.token));
      // Either refused as an unknown parameter or answered with the caller's own profile.
      if (res.status === 200) expect(res.body.id).toBe(w.buyerA.memberId);
      else expect(res.status).toBe(400);
    });

    itRefuses(world, staffCallersOnApp(), (w, token) => withToken(w.t.http().get('/api/app/me'), token));
  });

  describeRoute('GET /api/app/leader-applications/mine', () => {
    it("leader A gets A's own leader record", async () => {
      const res = await w.t
        .http()
        .get('/api/app/leader-applications/mine')
        .set(...bearer(w.leaderA.token))
        .expect(200);
      expect(res.body.leaderId).toBe(w.leaderA.leaderId);
    });

    it('a buyer who never applied gets null, not somebody else', async () => {
      const res = await w.t
        .http()
        .get('/api/app/leader-applications/mine')
        .set(...bearer(w.buyerA.token))
        .expect(200);
      expect(res.text).toBe('null');
    });

    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().get('/api/app/leader-applications/mine'), token),
    );
  });

  describeRoute('GET /api/app/pickup-points', () => {
    it('lists active leaders only: a pending, suspended or rejected applicant’s point (and phone) stays private', async () => {
      const res = await w.t
        .http()
        .get('/api/app/pickup-points')
        .query({ pageSize: 100 })
        .set(...bearer(w.buyerA.token))
        .expect(200);
      const ids = (res.body as Paged<PickupPointChoice>).items.map((p) => p.leaderId);
      expect(ids).toEqual(expect.arrayContaining([w.leaderA.leaderId, w.leaderB.leaderId, recruitOfA]));
      for (const hidden of [pending.leaderId, suspended.leaderId, rejected, pendingRecruitOfA]) {
        expect(ids).not.toContain(hidden);
      }
    });
  });

  describeRoute('POST /api/app/leader-applications', () => {
    const applyAs = (token: string | null, body: object) =>
      withToken(w.t.http().post('/api/app/leader-applications'), token).send(body);

    async function inviteCodeOf(leaderId: number): Promise<string> {
      const rows = (await w.t.dataSource.query('SELECT invite_code FROM leaders WHERE id = ?', [
        leaderId,
      ])) as Array<{ invite_code: string }>;
      return rows[0].invite_code;
    }

    // Re-applying would overwrite the reviewed name, phone and pickup point (and a suspension) unreviewed.
    it.each([
      ['leader A (active)', () => w.leaderA.token],
      ['a pending applicant', () => pending.token],
      ['a suspended leader', () => suspended.token],
    ])('refuses %s re-applying with 409 LEADER_ALREADY_EXISTS and changes nothing', async (_label, token) => {
      await expectRefusedAndUnchanged(
        w.t,
        () => applyAs(token(), application({ name: '改过的名字' })),
        409,
        'LEADER_ALREADY_EXISTS',
      );
    });

    it.each([
      ['a pending applicant', () => pending.leaderId],
      ['a suspended leader', () => suspended.leaderId],
      ['a rejected applicant', () => rejected],
    ])(
      'refuses the invite code of %s (upline must be active) with 400 LEADER_INVITE_CODE_INVALID',
      async (_label, leaderId) => {
        const inviteCode = await inviteCodeOf(leaderId());
        await expectRefusedAndUnchanged(
          w.t,
          () => applyAs(w.buyerB.token, application({ inviteCode })),
          400,
          'LEADER_INVITE_CODE_INVALID',
        );
      },
    );

    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().post('/api/app/leader-applications'), token).send(application()),
    );
  });

  describeRoute('POST /api/app/me/pickup-point', () => {
    const choose = (token: string | null, body: object) =>
      withToken(w.t.http().post('/api/app/me/pickup-point'), token).send(body);

    it.each([
      ['a pending applicant', () => pending.leaderId],
      ['a suspended leader', () => suspended.leaderId],
      ['a rejected applicant', () => rejected],
      ['a leader id that does not exist', () => 999_999],
    ])(
      'refuses a body naming %s with the same 400 MEMBER_TARGET_LEADER_INVALID and changes nothing',
      async (_label, leaderId) => {
        await expectRefusedAndUnchanged(
          w.t,
          () => choose(w.buyerA.token, { leaderId: leaderId() }),
          400,
          'MEMBER_TARGET_LEADER_INVALID',
        );
      },
    );

    it("refuses a body that also names another buyer's id, changing neither buyer", async () => {
      await expectRefusedAndUnchanged(
        w.t,
        () => choose(w.buyerA.token, { leaderId: w.leaderB.leaderId, memberId: w.buyerB.memberId }),
        400,
        'VALIDATION_FAILED',
      );
    });

    itRefuses(world, staffCallersOnApp(), (w, token) =>
      withToken(w.t.http().post('/api/app/me/pickup-point'), token).send({ leaderId: w.leaderB.leaderId }),
    );

    it('control: buyer A switches to leader B; only buyer A changes', async () => {
      const buyerBBefore = await memberRow(w.t, w.buyerB.memberId);
      const res = await choose(w.buyerA.token, { leaderId: w.leaderB.leaderId }).expect(200);
      expect(res.body.id).toBe(w.buyerA.memberId);
      expect(Number((await memberRow(w.t, w.buyerA.memberId)).current_leader_id)).toBe(w.leaderB.leaderId);
      expect(await memberRow(w.t, w.buyerB.memberId)).toEqual(buyerBBefore);
    });
  });
});
