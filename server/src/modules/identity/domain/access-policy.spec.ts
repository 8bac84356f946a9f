import { permissionsOf } from '@linli/shared-types';
import { apiAreaOf, decideAccess, missingPermissions, type AccessRequest } from './access-policy';

const base: AccessRequest = {
  area: 'admin',
  isPublic: false,
  tokenKind: 'staff',
  requiredPermissions: [],
  grantedPermissions: [],
};

describe('apiAreaOf', () => {
  it.each([
    ['/api/admin/staff', 'admin'],
    ['/api/admin/staff?page=2', 'admin'],
    ['/api/admin', 'admin'],
    ['/api/app/me', 'app'],
    ['/api/health', 'other'],
    ['/api/administrator', 'other'],
    ['/api/apple', 'other'],
    ['/admin/api/app/x', 'other'],
  ])('%s → %s', (url, area) => {
    expect(apiAreaOf(url)).toBe(area);
  });
});

describe('decideAccess', () => {
  it('opens public routes to everyone', () => {
    expect(decideAccess({ ...base, isPublic: true, tokenKind: null })).toEqual({ allow: true });
  });

  it('denies by default without a token', () => {
    for (const area of ['admin', 'app', 'other'] as const) {
      expect(decideAccess({ ...base, area, tokenKind: null })).toMatchObject({
        allow: false,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('keeps member tokens out of the admin area and staff tokens out of the app area', () => {
    expect(decideAccess({ ...base, area: 'admin', tokenKind: 'member' })).toMatchObject({ status: 401 });
    expect(decideAccess({ ...base, area: 'app', tokenKind: 'staff' })).toMatchObject({ status: 401 });
    expect(decideAccess({ ...base, area: 'app', tokenKind: 'member' })).toEqual({ allow: true });
    expect(decideAccess({ ...base, area: 'other', tokenKind: 'member' })).toEqual({ allow: true });
  });

  it('requires every listed permission', () => {
    const operator = permissionsOf(['operator']);
    const admin = permissionsOf(['admin']);
    const req = { ...base, requiredPermissions: ['staff.write'] as const };
    expect(decideAccess({ ...req, grantedPermissions: operator })).toMatchObject({
      allow: false,
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(decideAccess({ ...req, grantedPermissions: admin })).toEqual({ allow: true });
    expect(
      decideAccess({
        ...base,
        requiredPermissions: ['members.read', 'staff.read'],
        grantedPermissions: operator,
      }),
    ).toMatchObject({ status: 403 });
  });

  it('never grants permissions to members', () => {
    expect(
      decideAccess({ ...base, area: 'other', tokenKind: 'member', requiredPermissions: ['members.read'] }),
    ).toMatchObject({ status: 403 });
  });
});

describe('missingPermissions', () => {
  it('lists what is missing', () => {
    expect(missingPermissions(['staff.read', 'audit.read'], ['staff.read'])).toEqual(['audit.read']);
    expect(missingPermissions([], [])).toEqual([]);
  });
});
