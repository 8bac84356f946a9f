import { newRequestId } from './request-id';

describe('newRequestId', () => {
  it('is a short token of letters, digits and dashes', () => {
    const id = newRequestId(Date.UTC(2026, 10, 23), () => 0.5);
    expect(id).toMatch(/^mp-[0-9a-z]+-[0-9a-z]{8}$/);
    expect(id.length).toBeLessThanOrEqual(64);
  });

  it('differs between calls', () => {
    expect(newRequestId()).not.toBe(newRequestId());
  });
});
