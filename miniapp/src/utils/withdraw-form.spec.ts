import {
  amountError,
  bankAccountErrors,
  fenToYuanText,
  parseYuan,
  serverWithdrawErrors,
  toWithdrawalBody,
  typedYuan,
  validateWithdraw,
  type WithdrawForm,
} from './withdraw-form';

describe('parseYuan (元 → fen)', () => {
  it('converts without floating point error', () => {
    expect(parseYuan('12.34')).toEqual({ fen: 1234 });
    expect(parseYuan('12.5')).toEqual({ fen: 1250 });
    expect(parseYuan('12.')).toEqual({ fen: 1200 });
    expect(parseYuan(' 100 ')).toEqual({ fen: 10000 });
    expect(parseYuan('0.29')).toEqual({ fen: 29 }); // 0.29 * 100 is 28.999… in floating point
    expect(parseYuan('999999999.99')).toEqual({ fen: 99999999999 });
  });

  it('refuses what is not an amount', () => {
    expect(parseYuan('')).toEqual({ error: '请输入提现金额' });
    expect(parseYuan('1.234')).toEqual({ error: '金额最多两位小数' });
    expect(parseYuan('abc')).toEqual({ error: '请输入正确的金额' });
    expect(parseYuan('-5')).toEqual({ error: '请输入正确的金额' });
    expect(parseYuan('.5')).toEqual({ error: '请输入正确的金额' });
    expect(parseYuan('1234567890')).toEqual({ error: '请输入正确的金额' });
    expect(parseYuan('0.00')).toEqual({ error: '提现金额需大于 0' });
  });
});

test('typedYuan keeps digits and one point with two decimals', () => {
  expect(typedYuan('12.345')).toBe('12.34');
  expect(typedYuan('1.2.3')).toBe('1.23');
  expect(typedYuan('¥ 1,000')).toBe('1000');
  expect(typedYuan('8.')).toBe('8.');
});

test('fenToYuanText types 全部提现', () => {
  expect(fenToYuanText(12345)).toBe('123.45');
  expect(fenToYuanText(10005)).toBe('100.05');
  expect(fenToYuanText(10000)).toBe('100');
  expect(parseYuan(fenToYuanText(9876543)).valueOf()).toEqual({ fen: 9876543 });
});

describe('amountError', () => {
  const limits = { availableFen: 5000, minWithdrawFen: 1000 };

  it('accepts the minimum and the whole balance', () => {
    expect(amountError('10', limits)).toBeNull();
    expect(amountError('50.00', limits)).toBeNull();
  });

  it('names the minimum and the balance', () => {
    expect(amountError('9.99', limits)).toBe('单笔最少提现 ¥10.00');
    expect(amountError('50.01', limits)).toBe('最多可提现 ¥50.00');
    expect(amountError('', limits)).toBe('请输入提现金额');
  });
});

describe('bank account', () => {
  const good = { holder: '王小明', bankName: '招商银行杭州分行', accountNo: '6225 8801 2345 6789' };

  it('accepts a complete account, card number typed in groups', () => {
    expect(bankAccountErrors(good)).toEqual({});
  });

  it('names each missing or wrong field', () => {
    expect(bankAccountErrors({ holder: ' ', bankName: '', accountNo: '' })).toEqual({
      holder: '请填写开户人姓名',
      bankName: '请填写开户银行',
      accountNo: '请填写银行卡号',
    });
    expect(bankAccountErrors({ ...good, holder: '王', accountNo: '6225-88ab' })).toEqual({
      holder: '开户人姓名需为 2–32 个字',
      accountNo: '银行卡号需为 12–30 位数字',
    });
  });
});

describe('the request body', () => {
  const limits = { availableFen: 100000, minWithdrawFen: 1000 };
  const bank = { holder: ' 王小明 ', bankName: '招商银行', accountNo: '6225 8801 2345 6789' };

  it('checks the bank fields only for a bank payout', () => {
    const wechat: WithdrawForm = {
      amountText: '20',
      method: 'wechat',
      bank: { holder: '', bankName: '', accountNo: '' },
    };
    expect(validateWithdraw(wechat, limits)).toEqual({});
    expect(Object.keys(validateWithdraw({ ...wechat, method: 'bank' }, limits))).toEqual([
      'holder',
      'bankName',
      'accountNo',
    ]);
  });

  it('sends fen and a cleaned account', () => {
    expect(toWithdrawalBody({ amountText: '20.5', method: 'wechat', bank })).toEqual({
      amount: 2050,
      method: 'wechat',
    });
    expect(toWithdrawalBody({ amountText: '20.5', method: 'bank', bank })).toEqual({
      amount: 2050,
      method: 'bank',
      bankAccount: { holder: '王小明', bankName: '招商银行', accountNo: '6225880123456789' },
    });
  });
});

test('server refusals land on their field', () => {
  expect(serverWithdrawErrors('WITHDRAWAL_OVER_BALANCE', '超过可提现余额', undefined)).toEqual({
    amount: '超过可提现余额',
  });
  expect(
    serverWithdrawErrors('VALIDATION_FAILED', '参数错误', [
      { field: 'bankAccount.accountNo', errors: ['卡号格式不对'] },
      { field: 'requestId', errors: ['x'] },
    ]),
  ).toEqual({ accountNo: '卡号格式不对' });
  expect(serverWithdrawErrors('WITHDRAWAL_BANK_ACCOUNT_INVALID', '银行卡信息有误', undefined)).toEqual({
    accountNo: '银行卡信息有误',
  });
  expect(serverWithdrawErrors('WITHDRAWAL_OPEN_EXISTS', '已有提现', undefined)).toEqual({});
});
