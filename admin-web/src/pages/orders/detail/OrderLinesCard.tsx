import { Card, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type AdminOrderDetail, type OrderLineView } from '@linli/shared-types';
import { Cover } from '../../catalog/components/ProductBits';

const columns: TableColumnsType<OrderLineView> = [
  {
    title: '商品',
    key: 'product',
    render: (_, line) => (
      <Flex gap={10} align="center">
        <Cover url={line.imageUrl} size={44} />
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong data-testid="order-line-name">
            {line.productName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {line.specText || '默认规格'}
          </Typography.Text>
        </div>
      </Flex>
    ),
  },
  {
    title: '单价',
    dataIndex: 'unitPrice',
    width: 100,
    align: 'right',
    render: (fen: number) => formatFen(fen),
  },
  { title: '数量', dataIndex: 'quantity', width: 70, align: 'right', render: (n: number) => `× ${n}` },
  {
    title: '小计',
    dataIndex: 'lineTotal',
    width: 110,
    align: 'right',
    render: (fen: number) => <Typography.Text strong>{formatFen(fen)}</Typography.Text>,
  },
];

/** The order's lines as priced at checkout, with the goods total, discount and what the buyer pays. */
export function OrderLinesCard({ order }: { order: AdminOrderDetail }) {
  return (
    <Card title={`商品明细（${order.itemCount} 件）`} variant="borderless">
      <Table<OrderLineView>
        rowKey="id"
        columns={columns}
        dataSource={order.lines}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        data-testid="order-lines"
        summary={() => (
          <Table.Summary>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4} align="right">
                <Flex vertical gap={4} align="flex-end" style={{ paddingTop: 4 }}>
                  <Typography.Text type="secondary">
                    商品金额 {formatFen(order.goodsAmount)}
                    {order.discountAmount > 0 && ` · 优惠 -${formatFen(order.discountAmount)}`}
                  </Typography.Text>
                  <span>
                    应付{' '}
                    <Typography.Text
                      strong
                      style={{ fontSize: 18, color: '#e11d48' }}
                      data-testid="order-payable"
                    >
                      {formatFen(order.payableAmount)}
                    </Typography.Text>
                  </span>
                </Flex>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Card>
  );
}
