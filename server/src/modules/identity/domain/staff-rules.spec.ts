import { checkStaffChange, isActiveAdmin, normaliseRoles, type StaffState } from './staff-rules';

const admin = (id: number): StaffState => ({ id, roles: ['admin'], status: 'active' });
const operator: StaffState = { id: 9, roles: ['operator'], status: 'active' };

describe('checkStaffChange', () => {
  it('refuses to let staff disable themselves', () => {
    expect(
      checkStaffChange({
        actorId: 1,
        target: admin(1),
        change: { status: 'disabled' },
        activeAdminIds: [1, 2],
      }),
    ).toMatchObject({ code: 'STAFF_CANNOT_DISABLE_SELF' });
  });

  it('refuses to disable or demote the last active admin', () => {
    expect(
      checkStaffChange({ actorId: 5, target: admin(1), change: { status: 'disabled' }, activeAdminIds: [1] }),
    ).toMatchObject({ code: 'STAFF_LAST_ADMIN' });
    expect(
      checkStaffChange({
        actorId: 1,
        target: admin(1),
        change: { roles: ['operator'] },
        activeAdminIds: [1],
      }),
    ).toMatchObject({ code: 'STAFF_LAST_ADMIN' });
  });

  it('allows it when another active admin remains', () => {
    expect(
      checkStaffChange({
        actorId: 2,
        target: admin(1),
        change: { status: 'disabled' },
        activeAdminIds: [1, 2],
      }),
    ).toBeNull();
    expect(
      checkStaffChange({
        actorId: 1,
        target: admin(1),
        change: { roles: ['finance'] },
        activeAdminIds: [1, 2],
      }),
    ).toBeNull();
  });

  it('lets an admin keep the admin role while changing others', () => {
    expect(
      checkStaffChange({
        actorId: 1,
        target: admin(1),
        change: { roles: ['admin', 'finance'] },
        activeAdminIds: [1],
      }),
    ).toBeNull();
  });

  it('does not restrict non-admins or already disabled staff', () => {
    expect(
      checkStaffChange({ actorId: 1, target: operator, change: { status: 'disabled' }, activeAdminIds: [1] }),
    ).toBeNull();
    const disabledAdmin: StaffState = { id: 3, roles: ['admin'], status: 'disabled' };
    expect(
      checkStaffChange({
        actorId: 1,
        target: disabledAdmin,
        change: { roles: ['operator'] },
        activeAdminIds: [1],
      }),
    ).toBeNull();
    // Re-disabling an already disabled account is not "disabling yourself" in a harmful way.
    expect(
      checkStaffChange({
        actorId: 3,
        target: disabledAdmin,
        change: { status: 'disabled' },
        activeAdminIds: [1],
      }),
    ).toBeNull();
  });
});

describe('isActiveAdmin / normaliseRoles', () => {
  it('needs both the admin role and active status', () => {
    expect(isActiveAdmin({ roles: ['admin'], status: 'active' })).toBe(true);
    expect(isActiveAdmin({ roles: ['admin'], status: 'disabled' })).toBe(false);
    expect(isActiveAdmin({ roles: ['operator'], status: 'active' })).toBe(false);
  });

  it('dedupes and orders roles', () => {
    expect(normaliseRoles(['service', 'admin', 'service'])).toEqual(['admin', 'service']);
  });
});
