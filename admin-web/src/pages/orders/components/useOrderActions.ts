import { App } from 'antd';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { formatFen, type AdminOrderDetail } from '@linli/shared-types';
import {
  ORDER_ACTION_DONE,
  isStaleOrderError,
  orderKeys,
  retryRefund,
  runOrderAction,
  type OrderAction,
} from '../service';

/** The list and its tab counts show the order's status too: refetch them, the detail was just set. */
function refreshListsAfter(queryClient: QueryClient, order: AdminOrderDetail): void {
  queryClient.setQueryData(orderKeys.detail(order.id), order);
  void queryClient.invalidateQueries({ queryKey: [...orderKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: [...orderKeys.all, 'counts'] });
}

function doneText(action: OrderAction, order: AdminOrderDetail): string {
  // Cancelling a paid order refunds it: say that money is on its way back, and how much.
  if (action === 'cancel' && order.status === 'refunded')
    return `订单已取消，${formatFen(order.paidAmount)} 将原路退回买家`;
  return ORDER_ACTION_DONE[action];
}

/** A refusal because the order moved on meanwhile reloads the detail, so the buttons match its real state. */
function useReloadIfStale(orderId: number) {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (isStaleOrderError(error)) void queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) });
  };
}

/** 取消订单 / 退款 / 设为待提货; the caller shows a failure with the server's message. */
export function useOrderAction(orderId: number) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ action, reason }: { action: OrderAction; reason?: string }) =>
      runOrderAction(orderId, action, reason),
    onSuccess: (order, { action }) => {
      refreshListsAfter(queryClient, order);
      void message.success(doneText(action, order));
    },
    onError: useReloadIfStale(orderId),
  });
}

/** 重试 a failed refund (the provider is asked again with the same refund number). */
export function useRetryRefund(orderId: number) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (refundId: number) => retryRefund(refundId),
    onSuccess: (order) => {
      refreshListsAfter(queryClient, order);
      void message.success('已重新发起退款');
    },
    onError: useReloadIfStale(orderId),
  });
}
