import { Card, Descriptions, Typography } from 'antd';
import type { AdminOrderDetail } from '@linli/shared-types';
import { TWO_COLUMNS, none } from '../../../components/detail-layout';
import { FlashSaleTag } from '../../campaigns/components/FlashSaleTag';
import { PermittedLink } from '../components/PermittedLink';
import { shanghaiTime } from '../service';

const secondary = (text: string) => (
  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
    {text}
  </Typography.Text>
);

/** Who bought, where it is picked up, from which campaign, and when each step happened. */
export function OrderInfoCard({ order }: { order: AdminOrderDetail }) {
  const { pickup } = order;
  const point = pickup.pickupPoint;
  return (
    <Card title="订单信息" variant="borderless">
      <Descriptions column={TWO_COLUMNS} data-testid="order-info">
        <Descriptions.Item label="买家">
          <PermittedLink to={`/members/${order.memberId}`} permission="members.read" testId="order-buyer">
            {order.buyerName}
          </PermittedLink>
          {secondary(order.buyerPhone ?? '未留手机号')}
        </Descriptions.Item>
        <Descriptions.Item label="团长">
          <PermittedLink to={`/leaders/${pickup.leaderId}`} permission="leaders.read" testId="order-leader">
            {pickup.leaderName}
          </PermittedLink>
          {pickup.leaderPhone && secondary(pickup.leaderPhone)}
        </Descriptions.Item>
        <Descriptions.Item label="团购活动">
          <PermittedLink
            to={`/campaigns/${order.campaignId}`}
            permission="campaigns.read"
            testId="order-campaign"
          >
            {order.campaignTitle}
          </PermittedLink>
          {order.flashSale && <FlashSaleTag style={{ marginLeft: 8 }} />}
        </Descriptions.Item>
        <Descriptions.Item label="自提点">
          {point ? (
            <span>
              {point.name}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {point.address}
              </Typography.Text>
            </span>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label="提货日期">{order.pickupDate}</Descriptions.Item>
        <Descriptions.Item label="截单时间">{shanghaiTime(order.cutoffAt)}</Descriptions.Item>
        <Descriptions.Item label="买家备注" span={2}>
          {order.remark ? <span data-testid="order-remark">{order.remark}</span> : none}
        </Descriptions.Item>
        <Descriptions.Item label="下单时间">{shanghaiTime(order.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="支付时间">{shanghaiTime(order.paidAt) ?? none}</Descriptions.Item>
        {order.readyAt && (
          <Descriptions.Item label="到货时间">{shanghaiTime(order.readyAt)}</Descriptions.Item>
        )}
        {order.pickedUpAt && (
          <Descriptions.Item label="提货时间">{shanghaiTime(order.pickedUpAt)}</Descriptions.Item>
        )}
        {order.cancelledAt && (
          <Descriptions.Item label={order.status === 'refunded' ? '退款时间' : '取消时间'}>
            {shanghaiTime(order.cancelledAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
