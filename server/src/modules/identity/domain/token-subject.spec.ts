import { isAccessTokenClaims } from './token-subject';

describe('isAccessTokenClaims', () => {
  it('accepts staff and member claims', () => {
    expect(isAccessTokenClaims({ sub: '1', kind: 'staff', tv: 0, iat: 1, exp: 2 })).toBe(true);
    expect(isAccessTokenClaims({ sub: '42', kind: 'member' })).toBe(true);
  });

  it.each([
    null,
    'x',
    { sub: 1, kind: 'staff' },
    { sub: '0', kind: 'staff' },
    { sub: '01', kind: 'staff' },
    { sub: '1', kind: 'admin' },
    { sub: '1', kind: 'staff', tv: '1' },
    { sub: '1', kind: 'staff', tv: 1.5 },
  ])('rejects %p', (claims) => {
    expect(isAccessTokenClaims(claims)).toBe(false);
  });
});
