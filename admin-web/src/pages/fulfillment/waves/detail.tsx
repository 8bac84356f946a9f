import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PrinterOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  formatFen,
  type DemandLine,
  type FulfillmentWaveDetail,
  type PickList,
  type PurchaseListSummary,
  type WaveRouteProgress,
} from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { LoadError } from '../../../components/LoadError';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { parseRouteId } from '../../../utils/url-query';
import { shanghaiTime } from '../../orders/service';
import { ExcelButton } from '../components/Downloads';
import { FlowSteps } from '../components/FlowSteps';
import { PurchaseStatusTag } from '../components/WaveTags';
import { pointLabel } from '../logic';
import {
  downloadPickList,
  downloadPickLists,
  downloadPickSummary,
  fetchDemand,
  fetchPickLists,
  fetchWave,
  fulfillmentKeys,
  generatePurchaseLists,
} from '../service';

const BACK: BackToList = { to: '/fulfillment/waves', label: '返回履约看板' };
const muted = (text: string) => (
  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
    {text}
  </Typography.Text>
);

const demandColumns: TableColumnsType<DemandLine> = [
  {
    title: '商品 / 规格',
    key: 'product',
    render: (_, d) => (
      <div>
        <Typography.Text strong>{d.productName}</Typography.Text>
        {muted(`${d.specText} · ${d.unit}`)}
      </div>
    ),
  },
  { title: '供应商', key: 'supplier', width: 190, render: (_, d) => d.supplierName ?? '未指定供应商' },
  {
    title: '需求',
    dataIndex: 'quantity',
    width: 80,
    align: 'right',
    render: (q: number) => <strong data-testid="demand-quantity">{q}</strong>,
  },
  { title: '单品', dataIndex: 'directQuantity', width: 70, align: 'right' },
  { title: '来自套餐', dataIndex: 'bundleQuantity', width: 90, align: 'right' },
  { title: '订单数', dataIndex: 'orderCount', width: 80, align: 'right' },
  {
    title: '可用库存',
    dataIndex: 'availableStock',
    width: 90,
    align: 'right',
    render: (s: number, d) => (
      <Typography.Text type={s < d.quantity ? 'warning' : undefined}>{s}</Typography.Text>
    ),
  },
  {
    title: '成本价',
    dataIndex: 'unitCost',
    width: 100,
    align: 'right',
    render: (c: number) => formatFen(c),
  },
  {
    title: '成本小计',
    key: 'cost',
    width: 110,
    align: 'right',
    render: (_, d) => formatFen(d.unitCost * d.quantity),
  },
];

function DemandCard({ waveId }: { waveId: number }) {
  const demand = useQuery({ queryKey: fulfillmentKeys.demand(waveId), queryFn: () => fetchDemand(waveId) });
  const rows = demand.data ?? [];
  const totalCost = rows.reduce((sum, d) => sum + d.unitCost * d.quantity, 0);
  return (
    <Card
      title="需求汇总"
      variant="borderless"
      style={{ marginBottom: 16 }}
      extra={
        demand.isSuccess && (
          <Typography.Text type="secondary">
            {rows.length} 个 SKU · 成本合计 {formatFen(totalCost)}
          </Typography.Text>
        )
      }
    >
      {demand.isError ? (
        <LoadError compact error={demand.error} onRetry={() => void demand.refetch()} />
      ) : (
        <Table<DemandLine>
          rowKey="skuId"
          size="small"
          columns={demandColumns}
          dataSource={rows}
          loading={demand.isPending}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 860 }}
          data-testid="demand-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本波次没有需求" /> }}
        />
      )}
    </Card>
  );
}

function PurchaseListsCard({ wave }: { wave: FulfillmentWaveDetail }) {
  const canWrite = usePermission('fulfillment.write');
  const { modal, message } = App.useApp();
  const { showError } = useApiFeedback();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const generate = useMutation({
    mutationFn: () => generatePurchaseLists(wave.id),
    onSuccess: (lists) => {
      void queryClient.invalidateQueries({ queryKey: fulfillmentKeys.wave(wave.id) });
      void message.success(lists.length > 0 ? `已生成 ${lists.length} 张采购单` : '库存充足，无需采购');
    },
    onError: showError,
  });
  const confirmGenerate = () =>
    modal.confirm({
      title: '按供应商生成采购单？',
      content:
        '每个供应商一张采购单，采购数量 = 需求 − 可用库存；库存足够的商品不列入。已生成过采购单的供应商保持原单不变。',
      okText: '生成',
      cancelText: '取消',
      onOk: () => generate.mutateAsync().catch(() => undefined),
    });

  const columns: TableColumnsType<PurchaseListSummary> = [
    {
      title: '采购单号',
      key: 'listNo',
      width: 190,
      render: (_, l) => (
        <Link
          to={`/fulfillment/waves/${wave.id}/purchase-lists/${l.id}`}
          onClick={(e) => e.stopPropagation()}
          data-testid="purchase-list-link"
        >
          <Typography.Text style={{ fontFamily: 'monospace', color: 'inherit' }}>{l.listNo}</Typography.Text>
        </Link>
      ),
    },
    { title: '供应商', dataIndex: 'supplierName', ellipsis: true },
    { title: '状态', key: 'status', width: 90, render: (_, l) => <PurchaseStatusTag status={l.status} /> },
    { title: '商品数', dataIndex: 'lineCount', width: 80, align: 'right' },
    { title: '采购件数', dataIndex: 'totalQuantity', width: 90, align: 'right' },
    {
      title: '采购金额',
      dataIndex: 'totalAmount',
      width: 110,
      align: 'right',
      render: (a: number) => formatFen(a),
    },
    {
      title: '下单 / 入库',
      key: 'times',
      width: 170,
      render: (_, l) =>
        l.receivedAt
          ? `入库 ${shanghaiTime(l.receivedAt)}`
          : l.orderedAt
            ? `下单 ${shanghaiTime(l.orderedAt)}`
            : '—',
    },
  ];
  return (
    <Card
      title="采购单"
      variant="borderless"
      style={{ marginBottom: 16 }}
      extra={
        canWrite && (
          <Button
            type="primary"
            icon={<ShoppingCartOutlined />}
            loading={generate.isPending}
            onClick={confirmGenerate}
            data-testid="generate-purchase-lists"
          >
            生成采购单
          </Button>
        )
      }
    >
      <Table<PurchaseListSummary>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={wave.purchaseLists}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 800 }}
        data-testid="purchase-lists-table"
        onRow={(l) => ({
          onClick: () => navigate(`/fulfillment/waves/${wave.id}/purchase-lists/${l.id}`),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="还没有采购单：按需求和可用库存一键生成，每个供应商一张"
            />
          ),
        }}
      />
    </Card>
  );
}

function PickListsCard({ waveId }: { waveId: number }) {
  const lists = useQuery({
    queryKey: fulfillmentKeys.pickLists(waveId),
    queryFn: () => fetchPickLists(waveId),
  });
  const columns: TableColumnsType<PickList> = [
    {
      title: '自提点 / 团长',
      key: 'point',
      render: (_, p) => (
        <div>
          <Typography.Text strong>{pointLabel(p.pickupPoint?.name, p.leaderName)}</Typography.Text>
          {muted(p.pickupPoint?.address ?? p.leaderPhone ?? '')}
        </div>
      ),
    },
    {
      title: '线路',
      key: 'route',
      width: 150,
      render: (_, p) =>
        p.route ? (
          `${p.route.routeName} 第 ${p.route.seq} 站`
        ) : (
          <Tag color="orange" bordered={false}>
            未分配线路
          </Tag>
        ),
    },
    { title: '订单', dataIndex: 'orderCount', width: 70, align: 'right' },
    {
      title: '件数',
      dataIndex: 'totalQuantity',
      width: 70,
      align: 'right',
      render: (q: number) => <span data-testid="pick-total">{q}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, p) => (
        <Space size={0}>
          <Link to={`/fulfillment/waves/${waveId}/print/pick-lists?leaderId=${p.leaderId}`}>
            <Button type="link" size="small" icon={<PrinterOutlined />}>
              打印
            </Button>
          </Link>
          <ExcelButton
            type="link"
            size="small"
            label="Excel"
            fetch={() => downloadPickList(waveId, p.leaderId)}
            fallbackName={`拣货单-${p.leaderName}.xlsx`}
          />
        </Space>
      ),
    },
  ];
  return (
    <Card
      title="拣货单"
      variant="borderless"
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          <Link to={`/fulfillment/waves/${waveId}/print/pick-summary`}>
            <Button icon={<PrinterOutlined />} data-testid="print-pick-summary">
              打印汇总拣货单
            </Button>
          </Link>
          <ExcelButton
            label="汇总 Excel"
            fetch={() => downloadPickSummary(waveId)}
            fallbackName={`汇总拣货单-波次${waveId}.xlsx`}
            testId="download-pick-summary"
          />
          <Link to={`/fulfillment/waves/${waveId}/print/pick-lists`}>
            <Button icon={<PrinterOutlined />} data-testid="print-pick-lists">
              打印全部拣货单
            </Button>
          </Link>
          <ExcelButton
            label="全部 Excel"
            fetch={() => downloadPickLists(waveId)}
            fallbackName={`拣货单-波次${waveId}.xlsx`}
            testId="download-pick-lists"
          />
        </Space>
      }
    >
      {lists.isError ? (
        <LoadError compact error={lists.error} onRetry={() => void lists.refetch()} />
      ) : (
        <Table<PickList>
          rowKey="leaderId"
          size="small"
          columns={columns}
          dataSource={lists.data}
          loading={lists.isPending}
          pagination={false}
          tableLayout="fixed"
          scroll={{ x: 760 }}
          data-testid="pick-lists-table"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本波次没有要拣的货" />,
          }}
        />
      )}
    </Card>
  );
}

function RoutesCard({ wave }: { wave: FulfillmentWaveDetail }) {
  const navigate = useNavigate();
  const columns: TableColumnsType<WaveRouteProgress> = [
    {
      title: '线路',
      key: 'name',
      render: (_, r) => (
        <Link
          to={`/fulfillment/waves/${wave.id}/routes/${r.routeId}`}
          onClick={(e) => e.stopPropagation()}
          data-testid="route-progress-link"
        >
          {r.routeName}
        </Link>
      ),
    },
    { title: '站点', dataIndex: 'stopCount', width: 70, align: 'right' },
    { title: '订单', dataIndex: 'orderCount', width: 70, align: 'right' },
    {
      title: '待发货',
      dataIndex: 'lockedCount',
      width: 80,
      align: 'right',
      render: (n: number) => <span data-testid="route-locked">{n}</span>,
    },
    {
      title: '发车',
      key: 'shipped',
      width: 170,
      render: (_, r) =>
        r.shippedAt ? (
          <Space size={4}>
            <Tag color={r.lockedCount > 0 ? 'orange' : 'green'} bordered={false}>
              {r.lockedCount > 0 ? '部分发车' : '已发车'}
            </Tag>
            {shanghaiTime(r.shippedAt, 'MM-DD HH:mm')}
          </Space>
        ) : (
          <Tag bordered={false}>未发车</Tag>
        ),
    },
  ];
  return (
    <Card
      title="配送进度"
      variant="borderless"
      style={{ marginBottom: 16 }}
      extra={<Link to="/fulfillment/routes">管理配送线路</Link>}
    >
      {wave.unroutedPoints.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unrouted-points"
          message={`${wave.unroutedPoints.length} 个自提点不在任何线路上，无法按线路发车`}
          description={wave.unroutedPoints
            .map((p) => `${pointLabel(p.pickupPointName, p.leaderName)}（${p.orderCount} 单）`)
            .join('、')}
        />
      )}
      <Table<WaveRouteProgress>
        rowKey="routeId"
        size="small"
        columns={columns}
        dataSource={wave.routes}
        pagination={false}
        data-testid="route-progress-table"
        onRow={(r) => ({
          onClick: () => navigate(`/fulfillment/waves/${wave.id}/routes/${r.routeId}`),
          style: { cursor: 'pointer' },
        })}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本波次的自提点还不在任何配送线路上" />
          ),
        }}
      />
    </Card>
  );
}

/** One wave's board: the flow with its counts, demand, purchase lists, pick lists and route progress. */
export default function WaveDetailPage() {
  const id = parseRouteId(useParams().id);
  const detail = useQuery({
    queryKey: fulfillmentKeys.wave(id ?? 0),
    queryFn: () => fetchWave(id!),
    enabled: id !== null,
  });
  if (id === null || !detail.isSuccess)
    return (
      <DetailFallback
        query={detail}
        invalidId={id === null}
        back={BACK}
        notFound={{
          title: '波次不存在',
          subTitle: '该波次可能不存在，或链接有误。',
          testId: 'wave-not-found',
        }}
        skeleton={{ paragraph: { rows: 10 } }}
      />
    );
  const wave = detail.data;
  return (
    <div data-testid="wave-detail">
      <DetailHeader back={BACK}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="wave-title">
            {wave.campaignTitle}
          </Typography.Title>
          <Flex gap={16} wrap>
            <Typography.Text type="secondary">截单 {shanghaiTime(wave.cutoffAt)}</Typography.Text>
            <Typography.Text type="secondary">提货日 {wave.pickupDate}</Typography.Text>
            <Typography.Text type="secondary">波次 #{wave.id}</Typography.Text>
          </Flex>
        </div>
      </DetailHeader>
      <FlowSteps wave={wave} />
      <DemandCard waveId={wave.id} />
      <PurchaseListsCard wave={wave} />
      <PickListsCard waveId={wave.id} />
      <RoutesCard wave={wave} />
    </div>
  );
}
