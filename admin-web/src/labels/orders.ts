import type { OrderActorType, OrderEventType, PaymentProviderName } from '@linli/shared-types';

/** Display words of the order centre that shared-types leaves to the client. */
export const PAYMENT_PROVIDER_LABELS: Record<PaymentProviderName, string> = {
  wechatpay: '微信支付',
  simulator: '模拟支付',
};

export const ORDER_ACTOR_TYPE_LABELS: Record<OrderActorType, string> = {
  member: '买家',
  leader: '团长',
  staff: '员工',
  system: '系统',
};

/**
 * Who moved the order, as the timeline shows it: `员工 · 系统管理员`, `团长 · 王丽华`; the buyer and the
 * system are named by their kind alone (the server's actorName is then 买家 / 系统 anyway). A name that
 * already starts with its kind (the server writes leaders as `团长 王丽华`) is not prefixed twice.
 */
export function orderActorLabel(actorType: OrderActorType, actorName: string): string {
  const kind = ORDER_ACTOR_TYPE_LABELS[actorType] ?? actorType;
  if (actorType === 'member' || actorType === 'system') return kind;
  const name = actorName.startsWith(kind) ? actorName.slice(kind.length).trim() : actorName.trim();
  return name ? `${kind} · ${name}` : kind;
}

/** Dot colours of the timeline: money in or goods out is green, money back purple, failures red. */
export const ORDER_EVENT_COLORS: Record<OrderEventType, string> = {
  placed: 'blue',
  payment_requested: 'gray',
  paid: 'green',
  locked: 'blue',
  shipped: 'blue',
  ready: 'cyan',
  picked_up: 'green',
  cancelled: 'gray',
  closed: 'gray',
  refund_requested: 'purple',
  refund_succeeded: 'purple',
  refund_failed: 'red',
  late_payment_refunded: 'orange',
};
