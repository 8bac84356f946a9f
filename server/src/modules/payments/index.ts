export { PaymentsModule } from './payments.module';
export { PaymentsService, type OrderToPay, type SucceededTrade, type TradeOutcome } from './payments.service';
export {
  PaymentOutcomeHooks,
  type PaymentOutcomeListener,
  type PaymentSucceeded,
  type RefundSettled,
} from './payment-outcome-hooks';
export { SimulatorPayments } from './simulator-payments';
export { RefundLedger, refundView, adminRefundView } from './refund-ledger';
export { NOTIFY_PATH } from './providers/wechatpay.provider';
export {
  TransferOutcomeHooks,
  type TransferFinished,
  type TransferOutcomeListener,
} from './transfer-outcome-hooks';
export { TransfersService, type TransferConfirmation, type TransferStatus } from './transfers.service';
export { TRANSFER_NAME_REQUIRED_FEN } from './wechatpay';
