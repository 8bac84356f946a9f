import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type PaymentView } from '@linli/shared-types';
import { PAYMENT_PROVIDER_LABELS } from '../../../labels/orders';
import { PaymentStatusTag } from '../components/OrderTags';
import { shanghaiTime } from '../service';
import { RecordsCard, TimeCell } from './RecordsCard';

const mono = { fontFamily: 'monospace', fontSize: 12 } as const;

const columns: TableColumnsType<PaymentView> = [
  {
    title: '支付方式',
    dataIndex: 'provider',
    width: 90,
    render: (p: PaymentView['provider']) => PAYMENT_PROVIDER_LABELS[p] ?? p,
  },
  {
    // One column for both numbers: a support call quotes either, and the 28-character WeChat id needs room.
    title: '商户订单号 / 微信支付单号',
    key: 'numbers',
    render: (_, p) => (
      <>
        <Typography.Text copyable style={mono}>
          {p.outTradeNo}
        </Typography.Text>
        {p.transactionId ? (
          <Typography.Text
            copyable
            type="secondary"
            style={{ ...mono, display: 'block' }}
            data-testid="payment-transaction-id"
          >
            {p.transactionId}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            尚无微信支付单号
          </Typography.Text>
        )}
      </>
    ),
  },
  { title: '金额', dataIndex: 'amount', width: 96, align: 'right', render: (fen: number) => formatFen(fen) },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: PaymentView['status']) => <PaymentStatusTag status={s} />,
  },
  {
    title: '时间',
    key: 'time',
    width: 150,
    render: (_, p) => (
      <TimeCell time={shanghaiTime(p.paidAt ?? p.createdAt)} caption={p.paidAt ? '支付成功' : '发起支付'} />
    ),
  },
];

/** 支付记录: one row per payment attempt at the provider (out_trade_no = the order number). */
export function PaymentsCard({ payments }: { payments: PaymentView[] }) {
  return (
    <RecordsCard
      title="支付记录"
      rows={payments}
      columns={columns}
      minWidth={640}
      emptyText="买家尚未发起支付"
      testId="order-payments"
    />
  );
}
