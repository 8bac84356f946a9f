import { chooseDevOpenid, generateDevOpenid, isValidDevOpenid } from './dev-openid';

describe('dev openid', () => {
  const generate = () => 'h5_generated';

  it('keeps the stored openid', () => {
    expect(chooseDevOpenid('h5_abc', null, generate)).toEqual({ openid: 'h5_abc', changed: false });
  });

  it('generates one for a new browser', () => {
    expect(chooseDevOpenid(null, null, generate)).toEqual({ openid: 'h5_generated', changed: true });
  });

  it('lets a valid ?openid= override win and flags the switch', () => {
    expect(chooseDevOpenid('h5_abc', 'e2e-buyer_1', generate)).toEqual({
      openid: 'e2e-buyer_1',
      changed: true,
    });
    expect(chooseDevOpenid('e2e-buyer_1', 'e2e-buyer_1', generate)).toEqual({
      openid: 'e2e-buyer_1',
      changed: false,
    });
  });

  it('ignores an invalid override', () => {
    expect(chooseDevOpenid('h5_abc', 'bad id!', generate)).toEqual({ openid: 'h5_abc', changed: false });
    expect(chooseDevOpenid('h5_abc', 'x'.repeat(65), generate).openid).toBe('h5_abc');
  });

  it('generates ids the server accepts', () => {
    const id = generateDevOpenid();
    expect(isValidDevOpenid(id)).toBe(true);
    expect(id).toMatch(/^h5_[0-9a-z]{16}$/);
    expect(generateDevOpenid()).not.toBe(id);
  });
});
