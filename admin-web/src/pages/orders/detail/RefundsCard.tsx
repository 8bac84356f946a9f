import { App, Button, Popconfirm, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { formatFen, type AdminRefundView } from '@linli/shared-types';
import { describeError } from '../../../api';
import { usePermission } from '../../../session/hooks';
import { RefundStatusTag } from '../components/OrderTags';
import { useRetryRefund } from '../components/useOrderActions';
import { shanghaiTime } from '../service';
import { RecordsCard, TimeCell } from './RecordsCard';

const small = { display: 'block', fontSize: 12 } as const;

/** 退款记录: the money going back, its state at the provider, and a retry for a failed one (orders.refund). */
export function RefundsCard({ orderId, refunds }: { orderId: number; refunds: AdminRefundView[] }) {
  const { modal } = App.useApp();
  const canRetry = usePermission('orders.refund');
  const retry = useRetryRefund(orderId);
  const retryingId = retry.isPending ? retry.variables : null;
  const onRetry = (refundId: number) =>
    retry.mutate(refundId, {
      onError: (error) => modal.error({ title: '重试失败', content: describeError(error), okText: '知道了' }),
    });
  const columns: TableColumnsType<AdminRefundView> = [
    {
      title: '退款单号',
      key: 'no',
      // Fits the 24-character refund number and its copy button on one line.
      width: 236,
      render: (_, r) => (
        <>
          <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {r.outRefundNo}
          </Typography.Text>
          {r.providerRefundId && (
            <Typography.Text type="secondary" ellipsis style={{ ...small, fontFamily: 'monospace' }}>
              {r.providerRefundId}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '金额',
      dataIndex: 'amount',
      width: 90,
      align: 'right',
      render: (fen: number) => <Typography.Text strong>{formatFen(fen)}</Typography.Text>,
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, r) => (
        <>
          <RefundStatusTag status={r.status} />
          {r.status === 'failed' && r.failureReason && (
            <Typography.Text type="danger" style={small} data-testid="refund-failure-reason">
              {r.failureReason}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '原因 / 发起人',
      key: 'reason',
      ellipsis: true,
      render: (_, r) => (
        <>
          <Typography.Text ellipsis={{ tooltip: r.reason }} style={{ display: 'block' }}>
            {r.reason}
          </Typography.Text>
          <Typography.Text type="secondary" style={small}>
            {r.requestedBy}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '时间',
      key: 'time',
      width: 136,
      render: (_, r) => (
        <TimeCell
          time={shanghaiTime(r.createdAt)}
          caption={r.succeededAt ? `到账 ${shanghaiTime(r.succeededAt, 'MM-DD HH:mm')}` : '发起'}
        />
      ),
    },
  ];
  if (canRetry && refunds.some((r) => r.status === 'failed'))
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, r) =>
        r.status === 'failed' && (
          <Popconfirm
            title="重新发起退款？"
            description="将以同一退款单号再次请求微信支付，不会重复退款。"
            okText="重试"
            cancelText="取消"
            onConfirm={() => onRetry(r.id)}
          >
            <Button
              size="small"
              icon={<RedoOutlined />}
              loading={retryingId === r.id}
              data-testid="refund-retry"
            >
              重试
            </Button>
          </Popconfirm>
        ),
    });

  return (
    <RecordsCard
      title="退款记录"
      rows={refunds}
      columns={columns}
      minWidth={700}
      emptyText="没有退款"
      testId="order-refunds"
    />
  );
}
