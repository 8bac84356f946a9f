import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

describe('toFieldErrors', () => {
  it('flattens nested errors to dotted paths and translates defaults to Chinese', () => {
    const errors = [
      { property: 'name', constraints: { minLength: 'name must be longer' }, children: [] },
      {
        property: 'items',
        children: [
          {
            property: '0',
            children: [{ property: 'quantity', constraints: { min: 'x', isInt: 'y' }, children: [] }],
          },
        ],
      },
      {
        property: 'extra',
        constraints: { whitelistValidation: 'property extra should not exist' },
        children: [],
      },
      { property: 'phone', constraints: { matches: '手机号格式不正确' }, children: [] },
    ] as ValidationError[];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'name', errors: ['长度过短'] },
      { field: 'items.0.quantity', errors: ['数值过小', '必须是整数'] },
      { field: 'extra', errors: ['不允许的字段'] },
      { field: 'phone', errors: ['手机号格式不正确'] },
    ]);
  });
});
