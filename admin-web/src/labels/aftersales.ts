import {
  AFTERSALES_EVENT_LABELS,
  AFTERSALES_REASON_LABELS,
  AFTERSALES_STATUS_LABELS,
  type AfterSalesEventType,
  type AfterSalesReason,
  type AfterSalesSource,
  type AfterSalesStatus,
} from '@linli/shared-types';

/** Display words of after-sales that shared-types leaves to the client. */
export const AFTERSALES_SOURCE_LABELS: Record<AfterSalesSource, string> = {
  buyer: '买家申请',
  pickup_report: '自提点报缺/报损',
};

/** Tag colours: waiting is orange (someone has to act), approved green, rejected grey. */
export const AFTERSALES_STATUS_COLORS: Record<AfterSalesStatus, string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'default',
};

/** Timeline dot colours: money back purple, refusals grey, goods back cyan. */
export const AFTERSALES_EVENT_COLORS: Record<AfterSalesEventType, string> = {
  requested: 'blue',
  approved: 'green',
  auto_approved: 'green',
  rejected: 'gray',
  refund_started: 'purple',
  stock_returned: 'cyan',
};

/** Labels that tolerate a value newer than this build (shown raw rather than blank). */
export const aftersalesStatusLabel = (s: AfterSalesStatus) => AFTERSALES_STATUS_LABELS[s] ?? s;
export const aftersalesReasonLabel = (r: AfterSalesReason) => AFTERSALES_REASON_LABELS[r] ?? r;
export const aftersalesEventLabel = (e: AfterSalesEventType) => AFTERSALES_EVENT_LABELS[e] ?? e;
