import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CarOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliverySheet } from '@linli/shared-types';
import { DetailFallback, DetailHeader } from '../../../components/DetailPage';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { parseRouteId } from '../../../utils/url-query';
import { shanghaiTime } from '../../orders/service';
import { ExcelButton } from '../components/Downloads';
import { ordersToShip, pointLabel } from '../logic';
import { downloadDeliverySheet, fetchDeliverySheet, fulfillmentKeys, shipRoute } from '../service';

type Stop = DeliverySheet['stops'][number];
type Line = DeliverySheet['lines'][number];

const stopColumns: TableColumnsType<Stop> = [
  { title: '站', dataIndex: 'seq', width: 50, align: 'center' },
  {
    title: '自提点 / 团长',
    key: 'point',
    width: 260,
    render: (_, s) => (
      <div>
        <Typography.Text strong>{pointLabel(s.pickupPoint?.name, s.leaderName)}</Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {s.leaderPhone ?? '未留电话'}
          {s.pickupPoint?.address ? ` · ${s.pickupPoint.address}` : ''}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: '商品',
    key: 'lines',
    render: (_, s) =>
      s.lines.length === 0 ? (
        <Typography.Text type="secondary">本波次无货</Typography.Text>
      ) : (
        s.lines.map((l) => (
          <div key={l.skuId} style={{ fontSize: 13 }}>
            {l.productName} <Typography.Text type="secondary">{l.specText}</Typography.Text> × {l.quantity}
          </div>
        ))
      ),
  },
  {
    title: '订单',
    dataIndex: 'orderCount',
    width: 70,
    align: 'right',
    render: (n: number) => <span data-testid="stop-orders">{n}</span>,
  },
  {
    title: '件数',
    dataIndex: 'totalQuantity',
    width: 70,
    align: 'right',
    render: (n: number) => <span data-testid="stop-quantity">{n}</span>,
  },
  {
    title: '状态',
    key: 'state',
    width: 90,
    render: (_, s) =>
      s.orderCount === 0 ? (
        <Tag bordered={false}>无订单</Tag>
      ) : s.lockedCount > 0 ? (
        <Tag color="orange" bordered={false}>
          {s.lockedCount} 单待发
        </Tag>
      ) : (
        <Tag color="green" bordered={false}>
          已发货
        </Tag>
      ),
  },
];

const lineColumns: TableColumnsType<Line> = [
  { title: '商品', dataIndex: 'productName' },
  { title: '规格', dataIndex: 'specText', width: 160 },
  { title: '单位', dataIndex: 'unit', width: 70 },
  {
    title: '数量',
    dataIndex: 'quantity',
    width: 90,
    align: 'right',
    render: (q: number) => <strong>{q}</strong>,
  },
];

/** 配送单 of one route for a wave: stops in order with their goods, loading totals, and 发车. */
export default function DeliverySheetPage() {
  const params = useParams();
  const waveId = parseRouteId(params.id);
  const routeId = parseRouteId(params.routeId);
  const back = { to: `/fulfillment/waves/${waveId ?? ''}`, label: '返回波次' };
  const canWrite = usePermission('fulfillment.write');
  const { modal, message } = App.useApp();
  const { showError } = useApiFeedback();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: fulfillmentKeys.deliverySheet(waveId ?? 0, routeId ?? 0),
    queryFn: () => fetchDeliverySheet(waveId!, routeId!),
    enabled: waveId !== null && routeId !== null,
  });
  const ship = useMutation({
    mutationFn: () => shipRoute(waveId!, routeId!),
    onSuccess: (res) => {
      void queryClient.invalidateQueries({ queryKey: fulfillmentKeys.wave(waveId!) });
      void queryClient.invalidateQueries({ queryKey: ['fulfillment', 'waves'] });
      void message.success(res.shipped > 0 ? `已发车，${res.shipped} 单改为已发货` : '没有待发货的订单');
    },
    onError: showError,
  });

  if (waveId === null || routeId === null || !query.isSuccess)
    return (
      <DetailFallback
        query={query}
        invalidId={waveId === null || routeId === null}
        back={back}
        notFound={{
          title: '配送单不存在',
          subTitle: '波次或线路不存在，或链接有误。',
          testId: 'delivery-sheet-not-found',
        }}
      />
    );

  const sheet = query.data;
  const toShip = ordersToShip(sheet);
  const confirmShip = () =>
    modal.confirm({
      title: `线路「${sheet.route.name}」发车？`,
      content: (
        <span data-testid="ship-confirm-text">
          发车后本线路 {sheet.stops.filter((s) => s.lockedCount > 0).length} 个站点的 {toShip}{' '}
          个订单将改为「已发货」，买家和团长可以看到。此操作不能撤销。
        </span>
      ),
      okText: `发车（${toShip} 单）`,
      cancelText: '取消',
      onOk: () => ship.mutateAsync().catch(() => undefined),
    });

  return (
    <div data-testid="delivery-sheet">
      <DetailHeader
        back={back}
        actions={
          <Space wrap>
            <Link to={`/fulfillment/waves/${waveId}/print/routes/${routeId}`}>
              <Button icon={<PrinterOutlined />} data-testid="print-delivery-sheet">
                打印配送单
              </Button>
            </Link>
            <ExcelButton
              fetch={() => downloadDeliverySheet(waveId, routeId)}
              fallbackName={`配送单-${sheet.route.name}.xlsx`}
              testId="download-delivery-sheet"
            />
            {canWrite && (
              <Tooltip title={toShip === 0 ? '本线路没有待发货的订单' : undefined}>
                <Button
                  type="primary"
                  icon={<CarOutlined />}
                  disabled={toShip === 0}
                  loading={ship.isPending}
                  onClick={confirmShip}
                  data-testid="ship-route"
                >
                  发车
                </Button>
              </Tooltip>
            )}
          </Space>
        }
      >
        <div>
          <Space size={8} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              配送单 · {sheet.route.name}
            </Typography.Title>
            {sheet.shippedAt ? (
              <Tag color={toShip > 0 ? 'orange' : 'green'} bordered={false} data-testid="sheet-shipped">
                {toShip > 0 ? '部分发车' : '已发车'} {shanghaiTime(sheet.shippedAt, 'MM-DD HH:mm')}
              </Tag>
            ) : (
              <Tag bordered={false}>未发车</Tag>
            )}
          </Space>
          <Typography.Text type="secondary">
            {sheet.campaignTitle} · 提货日 {sheet.pickupDate}
          </Typography.Text>
        </div>
      </DetailHeader>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="站点" value={sheet.stops.length} />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="订单" value={sheet.orderCount} data-testid="sheet-orders" />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic title="件数" value={sheet.totalQuantity} data-testid="sheet-quantity" />
          </Card>
        </Col>
        <Col span={6}>
          <Card variant="borderless">
            <Statistic
              title="待发货订单"
              value={toShip}
              valueStyle={{ color: toShip > 0 ? '#d97706' : '#16a34a' }}
              data-testid="sheet-to-ship"
            />
          </Card>
        </Col>
      </Row>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="司机">
            {sheet.route.driverName} {sheet.route.driverPhone}
          </Descriptions.Item>
          <Descriptions.Item label="车辆">{sheet.route.vehicle ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="备注">{sheet.route.note ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="站点（按配送顺序）" variant="borderless" style={{ marginBottom: 16 }}>
        <Table<Stop>
          rowKey="leaderId"
          size="middle"
          columns={stopColumns}
          dataSource={sheet.stops}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 860 }}
          data-testid="sheet-stops"
        />
      </Card>
      <Card title="装车汇总" variant="borderless">
        <Table<Line>
          rowKey="skuId"
          size="small"
          columns={lineColumns}
          dataSource={sheet.lines}
          pagination={false}
          data-testid="sheet-lines"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本线路本波次无货" />,
          }}
        />
      </Card>
    </div>
  );
}
