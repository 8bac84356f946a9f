import { bearer } from '../modules/support/modules-test-kit';
import { createAuthzWorld, rolesLacking, snapshotDatabase, type AuthzWorld } from './authz-kit';

/** The kit's "changes nothing" must be able to see a change, or every authorization spec passes vacuously. */
describe('authz kit', () => {
  let w: AuthzWorld;

  beforeAll(async () => {
    w = await createAuthzWorld();
  });
  afterAll(() => w?.t.close());

  it('the database snapshot sees a staff write (the row and its audit entry)', async () => {
    const before = await snapshotDatabase(w.t);
    await w.t
      .http()
      .patch(`/api/admin/staff/${w.staffIds.service}`)
      .set(...bearer(w.adminToken))
      .send({ name: '改过的名字' })
      .expect(200);
    const after = await snapshotDatabase(w.t);
    expect(after.staff).not.toEqual(before.staff);
    expect((after.audit_logs as string[]).length).toBe((before.audit_logs as string[]).length + 1);
  });

  it('the database snapshot sees a binding change (members and member_bindings)', async () => {
    const before = await snapshotDatabase(w.t);
    await w.t
      .http()
      .post('/api/app/me/pickup-point')
      .set(...bearer(w.buyerA.token))
      .send({ leaderId: w.leaderB.leaderId })
      .expect(200);
    const after = await snapshotDatabase(w.t);
    expect(after.members).not.toEqual(before.members);
    expect(after.member_bindings).not.toEqual(before.member_bindings);
  });

  it('ignores activity stamps only (members.last_active_at)', async () => {
    const before = await snapshotDatabase(w.t);
    // As the real activity stamp does: updated_at is kept (MySQL would otherwise bump it).
    await w.t.dataSource.query(
      'UPDATE members SET last_active_at = ?, updated_at = updated_at WHERE id = ?',
      ['2030-01-01 00:00:00', w.buyerA.memberId],
    );
    expect(await snapshotDatabase(w.t)).toEqual(before);
  });

  it('derives the refused roles from ROLE_PERMISSIONS', () => {
    expect(rolesLacking('staff.write')).toEqual(['operator', 'finance', 'warehouse', 'service']);
    expect(rolesLacking('leaders.read')).toEqual(['warehouse']);
    expect(rolesLacking('members.write')).toEqual(['finance', 'warehouse', 'service']);
  });
});
