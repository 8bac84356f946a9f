import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('drops password hashes, tokens and secrets at any depth', () => {
    const out = redactSecrets({
      id: 1,
      username: 'li',
      passwordHash: 'scrypt$...',
      nested: { refreshToken: 'abc', name: 'x', list: [{ secret: 's', ok: 1 }] },
    });
    expect(out).toEqual({ id: 1, username: 'li', nested: { name: 'x', list: [{ ok: 1 }] } });
  });

  it('keeps boolean flags that only say a secret changed', () => {
    expect(redactSecrets({ passwordReset: true })).toEqual({ passwordReset: true });
  });

  it('serialises dates and keeps null', () => {
    expect(redactSecrets({ at: new Date('2026-01-02T03:04:05.000Z'), phone: null })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      phone: null,
    });
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets(undefined)).toBeNull();
  });
});
