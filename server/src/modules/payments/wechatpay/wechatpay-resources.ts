/**
 * Validates decrypted resources and API answers before anything trusts them: a signature proves WeChat
 * sent the bytes, not that they hold the fields money decisions read. Unknown fields are dropped.
 */
import {
  FINAL_TRANSFER_BILL_STATES,
  REFUND_STATUSES,
  TRADE_STATES,
  TRANSFER_BILL_STATES,
  type RefundResource,
  type RefundStatus,
  type TradeState,
  type TransactionResource,
  type TransferBill,
  type TransferBillResource,
} from './wechatpay-types';

/** Thrown by the readers below; callers turn it into their own error (a rejected notification, a bad answer). */
export class MalformedResourceError extends Error {
  override readonly name = 'MalformedResourceError';
}

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireRecord(value: unknown, what: string): JsonRecord {
  if (!isRecord(value)) throw new MalformedResourceError(`${what} is not an object`);
  return value;
}

export function requireString(record: JsonRecord, key: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') throw new MalformedResourceError(`${key} is missing`);
  return value;
}

export function optionalString(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MalformedResourceError(`${key} is not a string`);
  return value;
}

/** Money is integer fen: a fraction or a negative amount is malformed, never rounded. */
function optionalFen(record: JsonRecord, key: string): number | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new MalformedResourceError(`${key} is not an amount in fen`);
  }
  return value;
}

function requireFen(record: JsonRecord, key: string): number {
  const value = optionalFen(record, key);
  if (value === undefined) throw new MalformedResourceError(`${key} is missing`);
  return value;
}

function oneOf<T extends string>(record: JsonRecord, key: string, allowed: readonly T[]): T {
  const value = requireString(record, key);
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw new MalformedResourceError(`${key} "${value}" is not known`);
  return match;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function readTradeState(record: JsonRecord, key = 'trade_state'): TradeState {
  return oneOf(record, key, TRADE_STATES);
}

export function readRefundStatus(record: JsonRecord, key: string): RefundStatus {
  return oneOf(record, key, REFUND_STATUSES);
}

/**
 * A transaction (TRANSACTION.* resource or 查询订单 answer). Paid states (SUCCESS, REFUND) must carry the
 * transaction id and the total; unpaid ones may omit them.
 */
export function readTransaction(value: unknown): TransactionResource {
  const record = requireRecord(value, 'transaction');
  const tradeState = readTradeState(record);
  const paid = tradeState === 'SUCCESS' || tradeState === 'REFUND';
  const payerRecord = record.payer === undefined ? undefined : requireRecord(record.payer, 'payer');
  const amountRecord = record.amount === undefined ? undefined : requireRecord(record.amount, 'amount');
  const amount = amountRecord
    ? withoutUndefined({
        total: paid ? requireFen(amountRecord, 'total') : optionalFen(amountRecord, 'total'),
        payer_total: optionalFen(amountRecord, 'payer_total'),
        currency: optionalString(amountRecord, 'currency'),
        payer_currency: optionalString(amountRecord, 'payer_currency'),
      })
    : undefined;
  if (paid && amount === undefined) throw new MalformedResourceError('amount is missing');
  return withoutUndefined({
    appid: optionalString(record, 'appid'),
    mchid: requireString(record, 'mchid'),
    out_trade_no: requireString(record, 'out_trade_no'),
    transaction_id: paid ? requireString(record, 'transaction_id') : optionalString(record, 'transaction_id'),
    trade_type: optionalString(record, 'trade_type'),
    trade_state: tradeState,
    trade_state_desc: optionalString(record, 'trade_state_desc'),
    bank_type: optionalString(record, 'bank_type'),
    attach: optionalString(record, 'attach'),
    success_time: optionalString(record, 'success_time'),
    payer: payerRecord ? { openid: requireString(payerRecord, 'openid') } : undefined,
    amount,
  });
}

/** A REFUND.* notification resource (status under `refund_status`). */
export function readRefundNotification(value: unknown): RefundResource {
  const record = requireRecord(value, 'refund');
  const amount = requireRecord(record.amount, 'amount');
  return withoutUndefined({
    mchid: requireString(record, 'mchid'),
    out_trade_no: requireString(record, 'out_trade_no'),
    transaction_id: requireString(record, 'transaction_id'),
    out_refund_no: requireString(record, 'out_refund_no'),
    refund_id: requireString(record, 'refund_id'),
    refund_status: readRefundStatus(record, 'refund_status'),
    success_time: optionalString(record, 'success_time'),
    user_received_account: optionalString(record, 'user_received_account'),
    amount: withoutUndefined({
      total: requireFen(amount, 'total'),
      refund: requireFen(amount, 'refund'),
      payer_total: optionalFen(amount, 'payer_total'),
      payer_refund: optionalFen(amount, 'payer_refund'),
    }),
  });
}

/**
 * A transfer bill from any of the 商家转账 answers (发起转账, 查询, 撤销): identifiers and a known state are
 * required, the rest is checked when present. Callers require what their answer must carry.
 */
export function readTransferBill(value: unknown): TransferBill {
  const record = requireRecord(value, 'transfer bill');
  return withoutUndefined({
    out_bill_no: requireString(record, 'out_bill_no'),
    transfer_bill_no: requireString(record, 'transfer_bill_no'),
    state: oneOf(record, 'state', TRANSFER_BILL_STATES),
    package_info: optionalString(record, 'package_info'),
    mch_id: optionalString(record, 'mch_id'),
    appid: optionalString(record, 'appid'),
    openid: optionalString(record, 'openid'),
    transfer_amount: optionalFen(record, 'transfer_amount'),
    transfer_remark: optionalString(record, 'transfer_remark'),
    fail_reason: optionalString(record, 'fail_reason'),
    create_time: optionalString(record, 'create_time'),
    update_time: optionalString(record, 'update_time'),
  });
}

/** A MCHTRANSFER.BILL.FINISHED resource: final states only, with the merchant, payee and amount. */
export function readTransferBillNotification(value: unknown): TransferBillResource {
  const record = requireRecord(value, 'transfer bill');
  return withoutUndefined({
    mch_id: requireString(record, 'mch_id'),
    out_bill_no: requireString(record, 'out_bill_no'),
    transfer_bill_no: requireString(record, 'transfer_bill_no'),
    state: oneOf(record, 'state', FINAL_TRANSFER_BILL_STATES),
    transfer_amount: requireFen(record, 'transfer_amount'),
    openid: requireString(record, 'openid'),
    fail_reason: optionalString(record, 'fail_reason'),
    create_time: optionalString(record, 'create_time'),
    update_time: optionalString(record, 'update_time'),
  });
}
