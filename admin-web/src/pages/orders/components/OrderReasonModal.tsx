import { useEffect } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { formatFen, type AdminOrderDetail } from '@linli/shared-types';
import { describeError } from '../../../api';
import { ONE_COLUMN } from '../../../components/detail-layout';
import { REASON_MAX, reasonProblem } from '../service';

/** The two actions that need a reason (it is shown on the order's timeline and in the audit log). */
export type ReasonAction = 'cancel' | 'refund';

interface Props {
  order: AdminOrderDetail;
  action: ReasonAction | null;
  submitting: boolean;
  /** The last failure of this action, shown in the modal with the server's message. */
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

const TEXT: Record<ReasonAction, { title: string; ok: string; placeholder: string }> = {
  cancel: { title: '取消订单', ok: '确认取消', placeholder: '如：买家来电要求取消，商品暂不需要' },
  refund: { title: '订单退款', ok: '确认退款', placeholder: '如：商品有质量问题，与买家协商全额退款' },
};

/** What will happen to the money and the goods, said before the operator confirms. */
function Consequence({ order, action }: { order: AdminOrderDetail; action: ReasonAction }) {
  const amount = formatFen(order.paidAmount);
  if (action === 'cancel' && order.status === 'pending_payment')
    return (
      <Alert
        type="info"
        showIcon
        message="订单尚未付款：取消后释放库存和限购名额，不涉及退款。"
        data-testid="order-action-consequence"
      />
    );
  return (
    <Alert
      type="warning"
      showIcon
      message={
        action === 'cancel'
          ? `订单已付款：取消即全额退款 ${amount}，款项原路退回买家微信，并释放库存。`
          : `将全额退款 ${amount}，款项原路退回买家微信。`
      }
      description={
        order.status === 'picked_up'
          ? '订单已提货，商品在买家手中：退款不退回库存。此操作不可撤销。'
          : '此操作不可撤销，退款到账后订单日志中会显示「退款成功」。'
      }
      data-testid="order-action-consequence"
    />
  );
}

/** 取消订单 / 退款 with a required reason of 2–100 characters (the same rule as the server). */
export function OrderReasonModal({ order, action, submitting, error, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const text = action ? TEXT[action] : TEXT.cancel;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (values) onSubmit(values.reason.trim());
  };

  return (
    <Modal
      open={action !== null}
      title={`${text.title} · ${order.orderNo}`}
      okText={text.ok}
      cancelText="返回"
      okButtonProps={{ danger: true, loading: submitting, ...{ 'data-testid': 'order-action-submit' } }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      data-testid="order-action-modal"
    >
      {action && (
        <Space direction="vertical" size={16} style={{ width: '100%', marginTop: 8 }}>
          <Consequence order={order} action={action} />
          <Descriptions column={ONE_COLUMN} size="small">
            <Descriptions.Item label="买家">
              {order.buyerName}
              {order.buyerPhone && (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {order.buyerPhone}
                </Typography.Text>
              )}
            </Descriptions.Item>
            {order.status === 'pending_payment' ? (
              <Descriptions.Item label="应付金额">
                {formatFen(order.payableAmount)}（未付款）
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label="实付金额">{formatFen(order.paidAmount)}</Descriptions.Item>
            )}
          </Descriptions>
          <Form form={form} layout="vertical" requiredMark={false}>
            <Form.Item
              name="reason"
              label={action === 'cancel' ? '取消原因' : '退款原因'}
              extra="原因会记入订单日志和操作日志。"
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    const problem = reasonProblem(value);
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                },
              ]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea
                rows={3}
                maxLength={REASON_MAX}
                showCount
                placeholder={text.placeholder}
                data-testid="order-action-reason"
              />
            </Form.Item>
          </Form>
          {error !== null && error !== undefined && (
            <Alert type="error" showIcon message={describeError(error)} data-testid="order-action-error" />
          )}
        </Space>
      )}
    </Modal>
  );
}
