import {
  ErrorCode,
  formatFen,
  type Fen,
  type FieldError,
  type WithdrawalMethod,
  type WithdrawalRequest,
} from '@linli/shared-types';

/**
 * The 提现 form as typed (yuan text, bank fields), its checks and its request body. Platform-free, unit
 * tested. The server checks the same limits; these only let the leader see the problem before submitting.
 */

export interface BankAccountForm {
  holder: string;
  bankName: string;
  accountNo: string;
}

export interface WithdrawForm {
  /** Yuan as typed, e.g. "12.5". */
  amountText: string;
  method: WithdrawalMethod;
  bank: BankAccountForm;
}

export type WithdrawField = 'amount' | keyof BankAccountForm;
export type WithdrawErrors = Partial<Record<WithdrawField, string>>;

/** Up to 9 digits of yuan (¥999,999,999.99) keeps every amount a safe integer of fen. */
const YUAN_TEXT = /^(\d{1,9})(?:\.(\d{0,2}))?$/;

/** "12.5" → 1250 fen, without floating point; an error text for anything that is not an amount. */
export function parseYuan(text: string): { fen: Fen } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: '请输入提现金额' };
  if (/^\d*\.\d{3,}$/.test(trimmed)) return { error: '金额最多两位小数' };
  const match = YUAN_TEXT.exec(trimmed);
  if (!match) return { error: '请输入正确的金额' };
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen === 0) return { error: '提现金额需大于 0' };
  return { fen };
}

/** What the amount box keeps of the typed text: digits and one decimal point, at most two decimals. */
export function typedYuan(input: string): string {
  const [whole, ...rest] = input.replace(/[^\d.]/g, '').split('.');
  return rest.length === 0 ? whole : `${whole}.${rest.join('').slice(0, 2)}`;
}

/** What 全部提现 types: 12345 → "123.45", 10000 → "100". */
export function fenToYuanText(fen: Fen): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(yuan) : `${yuan}.${String(cents).padStart(2, '0')}`;
}

/** The amount's problem against the balance and the minimum, or null. */
export function amountError(text: string, limits: { availableFen: Fen; minWithdrawFen: Fen }): string | null {
  const parsed = parseYuan(text);
  if ('error' in parsed) return parsed.error;
  if (parsed.fen < limits.minWithdrawFen) return `单笔最少提现 ${formatFen(limits.minWithdrawFen)}`;
  if (parsed.fen > limits.availableFen) return `最多可提现 ${formatFen(limits.availableFen)}`;
  return null;
}

/** Card numbers are typed in groups ("6222 0212 …"): only the digits count. */
export function normalizeAccountNo(value: string): string {
  return value.replace(/[\s-]/g, '');
}

const charCount = (value: string) => Array.from(value.trim()).length;

export function bankAccountErrors(bank: BankAccountForm): WithdrawErrors {
  const errors: WithdrawErrors = {};
  const holder = charCount(bank.holder);
  if (holder === 0) errors.holder = '请填写开户人姓名';
  else if (holder < 2 || holder > 32) errors.holder = '开户人姓名需为 2–32 个字';
  const bankName = charCount(bank.bankName);
  if (bankName === 0) errors.bankName = '请填写开户银行';
  else if (bankName < 2 || bankName > 40) errors.bankName = '开户银行需为 2–40 个字，如 招商银行杭州分行';
  const accountNo = normalizeAccountNo(bank.accountNo);
  if (accountNo === '') errors.accountNo = '请填写银行卡号';
  else if (!/^\d{12,30}$/.test(accountNo)) errors.accountNo = '银行卡号需为 12–30 位数字';
  return errors;
}

export function validateWithdraw(
  form: WithdrawForm,
  limits: { availableFen: Fen; minWithdrawFen: Fen },
): WithdrawErrors {
  const amount = amountError(form.amountText, limits);
  return {
    ...(amount ? { amount } : {}),
    ...(form.method === 'bank' ? bankAccountErrors(form.bank) : {}),
  };
}

export function hasErrors(errors: WithdrawErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** The request body without its requestId (the page pairs it with one per attempt). Call after validating. */
export function toWithdrawalBody(form: WithdrawForm): Omit<WithdrawalRequest, 'requestId'> {
  const parsed = parseYuan(form.amountText);
  if ('error' in parsed) throw new Error(parsed.error);
  if (form.method === 'wechat') return { amount: parsed.fen, method: 'wechat' };
  return {
    amount: parsed.fen,
    method: 'bank',
    bankAccount: {
      holder: form.bank.holder.trim(),
      bankName: form.bank.bankName.trim(),
      accountNo: normalizeAccountNo(form.bank.accountNo),
    },
  };
}

const SERVER_FIELDS: Record<string, WithdrawField> = {
  amount: 'amount',
  'bankAccount.holder': 'holder',
  'bankAccount.bankName': 'bankName',
  'bankAccount.accountNo': 'accountNo',
};

/** A refusal of the server placed at the field it is about (the toast shows it as well). */
export function serverWithdrawErrors(
  code: string,
  message: string,
  fields: FieldError[] | undefined,
): WithdrawErrors {
  if (code === ErrorCode.WITHDRAWAL_OVER_BALANCE || code === ErrorCode.WITHDRAWAL_BELOW_MINIMUM) {
    return { amount: message };
  }
  const errors: WithdrawErrors = {};
  for (const field of fields ?? []) {
    const at = SERVER_FIELDS[field.field];
    if (at && field.errors[0]) errors[at] = field.errors[0];
  }
  if (code === ErrorCode.WITHDRAWAL_BANK_ACCOUNT_INVALID && !hasErrors(errors)) errors.accountNo = message;
  return errors;
}
