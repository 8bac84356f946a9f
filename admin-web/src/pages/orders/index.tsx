import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Flex, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  ORDER_STATUS_LABELS,
  formatFen,
  type AdminOrderListItem,
  type OrderStatus,
} from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { tablePagination } from '../../components/table-pagination';
import { OrderFilters, type FilterNames } from './components/OrderFilters';
import { OrderStatusTag } from './components/OrderTags';
import { PermittedLink } from './components/PermittedLink';
import {
  ORDER_STATUSES,
  fetchOrderStatusCounts,
  fetchOrders,
  filtersFromSearch,
  isFiltered,
  orderKeys,
  searchFromFilters,
  shanghaiTime,
  toCountsQuery,
  toOrderListQuery,
  totalOf,
  type OrderListFilters,
} from './service';

const muted = (text: string) => (
  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
    {text}
  </Typography.Text>
);

const columns: TableColumnsType<AdminOrderListItem> = [
  {
    title: '订单号',
    key: 'orderNo',
    width: 200,
    render: (_, o) => (
      <Link to={`/orders/${o.id}`} onClick={(e) => e.stopPropagation()} data-testid="order-row-no">
        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 13, color: 'inherit' }}>
          {o.orderNo}
        </Typography.Text>
      </Link>
    ),
  },
  {
    title: '团购活动',
    key: 'campaign',
    ellipsis: true,
    render: (_, o) => (
      <PermittedLink to={`/campaigns/${o.campaignId}`} permission="campaigns.read" quiet>
        {o.campaignTitle}
      </PermittedLink>
    ),
  },
  {
    title: '买家',
    key: 'buyer',
    width: 130,
    render: (_, o) => (
      <div style={{ minWidth: 0 }}>
        <PermittedLink to={`/members/${o.memberId}`} permission="members.read" quiet>
          <Typography.Text strong style={{ color: 'inherit' }}>
            {o.buyerName}
          </Typography.Text>
        </PermittedLink>
        {muted(o.buyerPhone ?? '未留手机号')}
      </div>
    ),
  },
  {
    title: '团长 / 自提点',
    key: 'leader',
    width: 160,
    render: (_, o) => (
      <div style={{ minWidth: 0 }}>
        <PermittedLink to={`/leaders/${o.leaderId}`} permission="leaders.read" quiet>
          {o.leaderName}
        </PermittedLink>
        {muted(o.pickupPointName ?? '未设置自提点')}
      </div>
    ),
  },
  { title: '件数', dataIndex: 'itemCount', width: 60, align: 'right' },
  {
    title: '金额',
    key: 'amount',
    width: 120,
    align: 'right',
    render: (_, o) => (
      <div data-testid="order-row-amount">
        <Typography.Text strong>{formatFen(o.payableAmount)}</Typography.Text>
        {o.paidAmount > 0 && muted(`实付 ${formatFen(o.paidAmount)}`)}
        {o.refundedAmount > 0 && (
          <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
            已退 {formatFen(o.refundedAmount)}
          </Typography.Text>
        )}
      </div>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (status: OrderStatus) => <OrderStatusTag status={status} />,
  },
  {
    title: '下单 / 支付时间',
    key: 'times',
    width: 150,
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    render: (_, o) => (
      <div style={{ fontSize: 13 }}>
        <div>{shanghaiTime(o.createdAt)}</div>
        {muted(o.paidAt ? `支付 ${shanghaiTime(o.paidAt)}` : '未支付')}
      </div>
    ),
  },
];

const CLEARED: Partial<OrderListFilters> = {
  page: 1,
  keyword: undefined,
  leaderId: undefined,
  campaignId: undefined,
  memberId: undefined,
  createdFrom: undefined,
  createdTo: undefined,
};

/** Tab label with its count; the count is left out until it is known rather than showing a wrong 0. */
function TabLabel({ label, count, testId }: { label: string; count: number | undefined; testId: string }) {
  return (
    <span data-testid={testId}>
      {label}
      {count !== undefined && (
        <span
          style={{
            marginInlineStart: 6,
            padding: '0 7px',
            borderRadius: 10,
            fontSize: 12,
            lineHeight: '18px',
            display: 'inline-block',
            background: count > 0 ? '#e8f5ec' : '#f1f5f9',
            color: count > 0 ? '#15803d' : '#94a3b8',
          }}
          data-testid="order-tab-count"
        >
          {count}
        </span>
      )}
    </span>
  );
}

export default function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const query = useMemo(() => toOrderListQuery(filters), [filters]);
  const countsQuery = useMemo(() => toCountsQuery(query), [query]);

  const list = useQuery({
    queryKey: orderKeys.list(query),
    queryFn: () => fetchOrders(query),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery({
    queryKey: orderKeys.counts(countsQuery),
    queryFn: () => fetchOrderStatusCounts(countsQuery),
    placeholderData: keepPreviousData,
  });

  const setFilters = (patch: Partial<OrderListFilters>, resetPage = true) =>
    setParams(searchFromFilters({ ...filters, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const filtered = isFiltered(filters);
  // Clearing the filters keeps the status tab the operator is on.
  const clearFilters = () => setParams(searchFromFilters({ ...filters, ...CLEARED }));
  const rows = list.data?.items;
  const names: FilterNames = {
    leader: rows?.find((o) => o.leaderId === filters.leaderId)?.leaderName ?? null,
    campaign: rows?.find((o) => o.campaignId === filters.campaignId)?.campaignTitle ?? null,
    buyer: rows?.find((o) => o.memberId === filters.memberId)?.buyerName ?? null,
  };

  const emptyText = filtered
    ? '没有符合条件的订单'
    : filters.status
      ? `没有${ORDER_STATUS_LABELS[filters.status]}的订单`
      : '还没有订单，买家在小程序下单后显示在这里';

  return (
    <>
      <PageHeader
        title="订单管理"
        description="全部团购订单：按状态、团长、活动和下单日期查找；点击订单查看明细、支付与退款记录，处理取消和退款。"
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={filters.status ?? 'all'}
          onChange={(key) => setFilters({ status: key === 'all' ? undefined : (key as OrderStatus) })}
          items={[
            {
              key: 'all',
              label: <TabLabel label="全部" count={totalOf(counts.data)} testId="order-tab-all" />,
            },
            ...ORDER_STATUSES.map((s) => ({
              key: s,
              label: (
                <TabLabel label={ORDER_STATUS_LABELS[s]} count={counts.data?.[s]} testId={`order-tab-${s}`} />
              ),
            })),
          ]}
          data-testid="order-status-tabs"
        />
        <Flex style={{ marginBottom: 16 }}>
          <OrderFilters
            filters={filters}
            names={names}
            onChange={(patch) => setFilters(patch)}
            onReset={() => setParams({})}
          />
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AdminOrderListItem>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching}
            scroll={{ x: 1080 }}
            tableLayout="fixed"
            data-testid="orders-table"
            onRow={(o) => ({
              onClick: () => navigate(`/orders/${o.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={emptyText} data-testid="orders-empty">
                  {filtered && <Button onClick={clearFilters}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 个订单`,
              onChange: (next) => setFilters(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
