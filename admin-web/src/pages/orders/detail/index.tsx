import type { ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Card, Col, Flex, Row, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatFen, type AdminOrderDetail, type OrderStatus } from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { FlashSaleTag } from '../../campaigns/components/FlashSaleTag';
import { OrderStatusTag } from '../components/OrderTags';
import { fetchOrder, hasRefundInFlight, orderKeys, parseOrderId, shanghaiTime } from '../service';
import { OrderActionBar } from './OrderActionBar';
import { OrderInfoCard } from './OrderInfoCard';
import { OrderLinesCard } from './OrderLinesCard';
import { OrderTimelineCard } from './OrderTimelineCard';
import { PaymentsCard } from './PaymentsCard';
import { RefundsCard } from './RefundsCard';

/** A refund waits for the provider's notification (the simulator's comes within seconds): ask again soon. */
const REFUND_POLL_MS = 2000;
const BACK: BackToList = { to: '/orders', label: '返回订单列表' };

function RefundAlert({ order }: { order: AdminOrderDetail }) {
  const processing = order.refunds.find((r) => r.status === 'processing');
  const failed = order.refunds.find((r) => r.status === 'failed');
  if (processing)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`退款处理中：${formatFen(processing.amount)} 正在原路退回买家微信，到账后本页自动更新。`}
        data-testid="order-refund-processing"
      />
    );
  if (failed)
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 16 }}
        message={`退款失败：${failed.failureReason ?? '支付渠道未受理'}`}
        description="请核对原因后在「退款记录」中重试；重试使用同一退款单号，不会重复退款。"
        data-testid="order-refund-failed"
      />
    );
  return null;
}

/** What the pickup code means in each state (it exists from payment until the order ends). */
const PICKUP_HINTS: Record<OrderStatus, string> = {
  pending_payment: '付款后生成',
  paid: '买家出示给团长核销',
  locked: '买家出示给团长核销',
  shipped: '买家出示给团长核销',
  ready_for_pickup: '买家出示给团长核销',
  picked_up: '已核销',
  cancelled: '订单已取消，无需提货',
  refunded: '订单已退款，无需提货',
};

/** A quarter of the figures row: the figure, and under it a grey line saying what it means for this order. */
function FigureCard({ caption, children }: { caption: ReactNode; children: ReactNode }) {
  return (
    <Col span={6}>
      <Card variant="borderless">
        {children}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {caption}
        </Typography.Text>
      </Card>
    </Col>
  );
}

function AmountCards({ order }: { order: AdminOrderDetail }) {
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <FigureCard
        caption={
          <>
            {order.itemCount} 件商品
            {order.discountAmount > 0 && ` · 优惠 ${formatFen(order.discountAmount)}`}
          </>
        }
      >
        <Statistic title="应付金额" value={formatFen(order.payableAmount)} />
      </FigureCard>
      <FigureCard caption={order.paidAt ? `支付于 ${shanghaiTime(order.paidAt)}` : '未支付'}>
        <Statistic
          title="实付金额"
          value={formatFen(order.paidAmount)}
          valueStyle={{ color: order.paidAmount > 0 ? '#16a34a' : undefined }}
          data-testid="order-paid-amount"
        />
      </FigureCard>
      <FigureCard caption={order.refunds.length > 0 ? `${order.refunds.length} 笔退款` : '无退款'}>
        <Statistic
          title="已退金额"
          value={formatFen(order.refundedAmount)}
          valueStyle={{ color: order.refundedAmount > 0 ? '#7c3aed' : undefined }}
          data-testid="order-refunded-amount"
        />
      </FigureCard>
      <FigureCard caption={PICKUP_HINTS[order.status]}>
        <Statistic
          title="提货码"
          // A code, not a number: Statistic would print 004211 as "4,211".
          value={order.pickupCode ?? '—'}
          formatter={(value) => value}
          valueStyle={{ fontFamily: 'monospace', letterSpacing: 2 }}
          data-testid="order-pickup-code"
        />
      </FigureCard>
    </Row>
  );
}

export default function OrderDetailPage() {
  const id = parseOrderId(useParams().id);
  const detail = useQuery({
    queryKey: orderKeys.detail(id ?? 0),
    queryFn: () => fetchOrder(id!),
    enabled: id !== null,
    refetchInterval: (query) => (hasRefundInFlight(query.state.data) ? REFUND_POLL_MS : false),
  });

  if (id === null || !detail.isSuccess)
    return (
      <DetailFallback
        query={detail}
        invalidId={id === null}
        back={BACK}
        notFound={{
          title: '订单不存在',
          subTitle: '该订单可能已被删除，或链接有误。',
          testId: 'order-not-found',
        }}
        skeleton={{ paragraph: { rows: 10 } }}
      />
    );

  const order = detail.data;
  return (
    <div data-testid="order-detail">
      <DetailHeader back={BACK} actions={<OrderActionBar order={order} />}>
        <div>
          <Space size={8} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              订单{' '}
              <Typography.Text
                copyable={{ text: order.orderNo, tooltips: ['复制订单号', '已复制'] }}
                style={{ fontFamily: 'monospace', fontSize: 18 }}
                data-testid="order-detail-no"
              >
                {order.orderNo}
              </Typography.Text>
            </Typography.Title>
            <OrderStatusTag status={order.status} />
            {order.flashSale && <FlashSaleTag />}
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            下单于 {shanghaiTime(order.createdAt)} · {order.buyerName} · {order.campaignTitle}
          </Typography.Text>
        </div>
      </DetailHeader>
      <RefundAlert order={order} />
      <AmountCards order={order} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <OrderInfoCard order={order} />
            <OrderLinesCard order={order} />
            <PaymentsCard payments={order.payments} />
            <RefundsCard orderId={order.id} refunds={order.refunds} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <OrderTimelineCard timeline={order.timeline} />
        </Col>
      </Row>
    </div>
  );
}
