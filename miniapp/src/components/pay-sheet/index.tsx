import { formatFen, type PayOrderResponse } from '@linli/shared-types';
import { SimulatorSheet } from '@/components/simulator-sheet';
import { useNow } from '@/hooks/use-now';
import { payCountdown } from '@/services/orders';

interface SimulatorPaySheetProps {
  payment: PayOrderResponse;
  confirming: boolean;
  /** A refusal of the simulated payment (e.g. past the deadline), shown in the sheet. */
  error: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * 模拟支付 (simulator provider: H5 demo, weapp in demo mode): stands in for WeChat's payment sheet. The
 * server turns 确认支付 into a real signed payment notification; 取消 leaves the order waiting for payment.
 */
export function SimulatorPaySheet({
  payment,
  confirming,
  error,
  onConfirm,
  onCancel,
}: SimulatorPaySheetProps) {
  const now = useNow(1000);
  const left = payCountdown(payment.payDeadlineAt, now);
  return (
    <SimulatorSheet
      id="pay-sheet"
      title="模拟支付（演示环境）"
      note="演示环境不会真实扣款，确认后订单按已支付处理"
      amount={payment.amount}
      rows={[
        { label: '订单编号', value: payment.outTradeNo },
        { label: '支付剩余时间', value: left ?? '已超时', warn: true },
      ]}
      error={error}
      busy={confirming}
      confirmText={`确认支付 ${formatFen(payment.amount)}`}
      busyText="支付中…"
      cancelText="取消，稍后支付"
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
