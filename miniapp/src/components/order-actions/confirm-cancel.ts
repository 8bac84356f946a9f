import Taro from '@tarojs/taro';
import { formatFen, type OrderDetail, type OrderStatus } from '@linli/shared-types';
import { cancelOrder } from '@/services/orders';
import { ApiError, showErrorToast } from '@/services/request';

/**
 * 取消订单 after a confirm dialog that says what happens to the money: an unpaid order just ends, a paid
 * one is refunded in full. Resolves the cancelled order, or null when the buyer kept it or it failed
 * (the server's reason, e.g. 已截单, is toasted).
 */
export async function confirmCancelOrder(order: {
  id: number;
  status: OrderStatus;
  payableAmount: number;
}): Promise<OrderDetail | null> {
  const paid = order.status !== 'pending_payment';
  const { confirm } = await Taro.showModal({
    title: '取消订单',
    content: paid
      ? `取消后 ${formatFen(order.payableAmount)} 将原路退回，商品不再为你保留。确定取消吗？`
      : '确定取消这笔订单吗？取消后商品不再为你保留。',
    confirmText: '取消订单',
    confirmColor: '#ff6a13',
    cancelText: '再想想',
  });
  if (!confirm) return null;
  try {
    const cancelled = await cancelOrder(order.id);
    void Taro.showToast({
      title: cancelled.status === 'refunded' ? '已取消，退款处理中' : '订单已取消',
      icon: 'none',
    });
    return cancelled;
  } catch (caught) {
    showErrorToast(caught instanceof ApiError ? caught.message : '取消失败，请稍后重试');
    return null;
  }
}
