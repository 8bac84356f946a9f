import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import type { AdminOrderDetail } from '@linli/shared-types';
import { describeError } from '../../../api';
import { usePermission } from '../../../session/hooks';
import { OrderReasonModal, type ReasonAction } from '../components/OrderReasonModal';
import { useOrderAction } from '../components/useOrderActions';

/**
 * 设为待提货 / 退款 / 取消订单. A button shows when the staff member holds its permission AND the server
 * says the order allows it now (`actions`), so an operator who may only read sees none.
 */
export function OrderActionBar({ order }: { order: AdminOrderDetail }) {
  const { modal } = App.useApp();
  const canWrite = usePermission('orders.write');
  const canRefund = usePermission('orders.refund');
  const [asking, setAsking] = useState<ReasonAction | null>(null);
  const act = useOrderAction(order.id);

  const ask = (action: ReasonAction) => {
    act.reset();
    setAsking(action);
  };
  const confirmMarkReady = () =>
    modal.confirm({
      title: `设为待提货 · ${order.orderNo}`,
      content: '确认商品已到自提点：订单变为「待提货」，买家会收到到货提醒。',
      okText: '设为待提货',
      cancelText: '取消',
      okButtonProps: { ...{ 'data-testid': 'order-mark-ready-confirm' } },
      onOk: () =>
        act.mutateAsync({ action: 'markReady' }).catch((error: unknown) => {
          modal.error({ title: '操作失败', content: describeError(error), okText: '知道了' });
        }),
    });

  return (
    <>
      <Space wrap data-testid="order-actions">
        {canWrite && order.actions.markReady && (
          <Button icon={<CheckCircleOutlined />} onClick={confirmMarkReady} data-testid="order-mark-ready">
            设为待提货
          </Button>
        )}
        {canRefund && order.actions.refund && (
          <Button icon={<RollbackOutlined />} onClick={() => ask('refund')} data-testid="order-refund">
            退款
          </Button>
        )}
        {canWrite && order.actions.cancel && (
          <Button
            danger
            icon={<CloseCircleOutlined />}
            onClick={() => ask('cancel')}
            data-testid="order-cancel"
          >
            取消订单
          </Button>
        )}
      </Space>
      <OrderReasonModal
        order={order}
        action={asking}
        submitting={act.isPending}
        error={act.error}
        onSubmit={(reason) =>
          asking && act.mutate({ action: asking, reason }, { onSuccess: () => setAsking(null) })
        }
        onClose={() => setAsking(null)}
      />
    </>
  );
}
