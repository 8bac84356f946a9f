import { coverTint, initialOf, limitLabel, maskPhone, savingLabel } from './display';

describe('display helpers', () => {
  it('takes the first character, falling back to 邻', () => {
    expect(initialOf('  小王 ')).toBe('小');
    expect(initialOf('linli')).toBe('L');
    expect(initialOf('   ')).toBe('邻');
  });

  it('shows the saving only when the group price is lower', () => {
    expect(savingLabel({ groupPrice: 990, originalPrice: 1590 })).toBe('省¥6.00');
    expect(savingLabel({ groupPrice: 990, originalPrice: 990 })).toBeNull();
  });

  it('labels a per-member limit, none for 0', () => {
    expect(limitLabel(2)).toBe('每人限购 2 件');
    expect(limitLabel(0)).toBeNull();
  });

  it('masks mainland mobile numbers only', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('020-1234567')).toBe('020-1234567');
  });

  it('picks a stable tint per campaign', () => {
    expect(coverTint(5)).toBe(coverTint(5));
    expect(new Set([0, 1, 2, 3].map(coverTint)).size).toBe(4);
  });
});
