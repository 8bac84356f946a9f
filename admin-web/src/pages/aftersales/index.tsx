import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Input, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatFen, type AdminAfterSalesCaseView } from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { tablePagination } from '../../components/table-pagination';
import {
  AFTERSALES_SOURCE_LABELS,
  aftersalesReasonLabel,
  aftersalesStatusLabel,
} from '../../labels/aftersales';
import { LeaderFilterSelect } from '../orders/components/FilterSelects';
import { PermittedLink } from '../orders/components/PermittedLink';
import { shanghaiTime } from '../orders/service';
import { CaseRefundTag, CaseStatusTag } from './components/CaseTags';
import {
  CASE_TABS,
  aftersalesKeys,
  fetchCaseList,
  fetchCounts,
  filtersFromSearch,
  isFiltered,
  searchFromFilters,
  toCaseListQuery,
  type CaseListFilters,
  type CaseTab,
} from './service';

const small = { display: 'block', fontSize: 12 } as const;
const tabLabel = (tab: CaseTab) => (tab === 'all' ? '全部' : aftersalesStatusLabel(tab));

const columns: TableColumnsType<AdminAfterSalesCaseView> = [
  {
    title: '售后单号',
    key: 'caseNo',
    width: 230,
    render: (_, c) => (
      <Link to={`/aftersales/${c.id}`} onClick={(e) => e.stopPropagation()} data-testid="aftersales-row-no">
        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 13, color: 'inherit' }}>
          {c.caseNo}
        </Typography.Text>
      </Link>
    ),
  },
  {
    title: '订单',
    key: 'order',
    width: 190,
    render: (_, c) => (
      <PermittedLink to={`/orders/${c.orderId}`} permission="orders.read" quiet>
        <Typography.Text style={{ fontFamily: 'monospace', fontSize: 13, color: 'inherit' }}>
          {c.orderNo}
        </Typography.Text>
      </PermittedLink>
    ),
  },
  {
    title: '买家 / 团长',
    key: 'buyer',
    width: 140,
    render: (_, c) => (
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{c.buyerName ?? '买家'}</Typography.Text>
        {c.buyerPhoneTail && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            尾号 {c.buyerPhoneTail}
          </Typography.Text>
        )}
        <span style={small}>
          <PermittedLink to={`/leaders/${c.leaderId}`} permission="leaders.read" quiet>
            团长 #{c.leaderId}
          </PermittedLink>
        </span>
      </div>
    ),
  },
  {
    title: '原因',
    key: 'reason',
    width: 130,
    render: (_, c) => (
      <div>
        {aftersalesReasonLabel(c.reason)}
        <Typography.Text type="secondary" style={small}>
          {AFTERSALES_SOURCE_LABELS[c.source] ?? c.source}
          {c.wholeOrder ? ' · 整单' : ` · ${c.lines.length} 个商品`}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: '退款金额',
    dataIndex: 'amount',
    width: 110,
    align: 'right',
    render: (fen: number) => (
      <Typography.Text strong data-testid="aftersales-row-amount">
        {formatFen(fen)}
      </Typography.Text>
    ),
  },
  {
    title: '状态',
    key: 'status',
    width: 150,
    render: (_, c) => (
      <Space size={4} wrap>
        <CaseStatusTag status={c.status} />
        <CaseRefundTag refund={c.refund} />
      </Space>
    ),
  },
  {
    title: '申请时间',
    key: 'createdAt',
    width: 180,
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    render: (_, c) => (
      <div style={{ fontSize: 13 }}>
        <div>{shanghaiTime(c.createdAt)}</div>
        {c.status === 'pending' && c.autoApproveAt && (
          <Typography.Text type="warning" style={small}>
            {shanghaiTime(c.autoApproveAt, 'MM-DD HH:mm')} 自动同意
          </Typography.Text>
        )}
        {c.decidedAt && (
          <Typography.Text type="secondary" style={small}>
            处理 {shanghaiTime(c.decidedAt)}
          </Typography.Text>
        )}
      </div>
    ),
  },
];

function TabLabel({ tab, count }: { tab: CaseTab; count: number | undefined }) {
  return (
    <span data-testid={`aftersales-tab-${tab}`}>
      {tabLabel(tab)}
      {count !== undefined && (
        <span
          style={{
            marginInlineStart: 6,
            padding: '0 7px',
            borderRadius: 10,
            fontSize: 12,
            lineHeight: '18px',
            display: 'inline-block',
            background: count > 0 && tab === 'pending' ? '#fff7e6' : '#f1f5f9',
            color: count > 0 && tab === 'pending' ? '#d46b08' : '#94a3b8',
          }}
          data-testid="aftersales-tab-count"
        >
          {count}
        </span>
      )}
    </span>
  );
}

/** 售后处理: the buyers' after-sales cases by status; 待处理 oldest first, as they should be worked. */
export default function AfterSalesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const query = useMemo(() => toCaseListQuery(filters), [filters]);
  const countsQuery = useMemo(
    () => ({ leaderId: filters.leaderId, orderNo: filters.orderNo }),
    [filters.leaderId, filters.orderNo],
  );

  const list = useQuery({
    queryKey: aftersalesKeys.list(query),
    queryFn: () => fetchCaseList(query),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery({
    queryKey: aftersalesKeys.counts(countsQuery),
    queryFn: () => fetchCounts(countsQuery),
    placeholderData: keepPreviousData,
  });
  const countOf = (tab: CaseTab) =>
    !counts.data
      ? undefined
      : tab === 'all'
        ? counts.data.pending + counts.data.approved + counts.data.rejected
        : counts.data[tab];

  const setFilters = (patch: Partial<CaseListFilters>, resetPage = true) =>
    setParams(searchFromFilters({ ...filters, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const filtered = isFiltered(filters);
  const clearFilters = () => setFilters({ leaderId: undefined, orderNo: undefined });
  const rows = list.data?.items;

  const emptyText = filtered
    ? '没有符合条件的售后单'
    : filters.tab === 'pending'
      ? '没有待处理的售后，都处理完了'
      : filters.tab === 'all'
        ? '还没有售后单，买家在小程序申请后显示在这里'
        : `没有${tabLabel(filters.tab)}的售后单`;

  return (
    <>
      <PageHeader
        title="售后处理"
        description="买家的退款申请与自提点报缺/报损：待处理按申请先后排列（最早的在前），点击查看明细并同意退款、驳回或退货入库。"
        extra={
          <Link to="/aftersales/settings">
            <Button icon={<SettingOutlined />} data-testid="aftersales-settings-link">
              售后规则
            </Button>
          </Link>
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={filters.tab}
          onChange={(tab) => setFilters({ tab: tab as CaseTab })}
          items={CASE_TABS.map((tab) => ({ key: tab, label: <TabLabel tab={tab} count={countOf(tab)} /> }))}
          data-testid="aftersales-tabs"
        />
        <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
          <Input.Search
            key={filters.orderNo ?? ''}
            defaultValue={filters.orderNo}
            placeholder="订单号"
            allowClear
            maxLength={32}
            style={{ width: 240 }}
            onSearch={(value) => setFilters({ orderNo: value.trim() || undefined })}
            data-testid="aftersales-filter-order-no"
          />
          <LeaderFilterSelect
            value={filters.leaderId}
            placeholder="团长"
            style={{ width: 200 }}
            onChange={(leaderId) => setFilters({ leaderId })}
            data-testid="aftersales-filter-leader"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              void list.refetch();
              void counts.refetch();
            }}
            data-testid="aftersales-refresh"
          >
            刷新
          </Button>
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AdminAfterSalesCaseView>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching}
            scroll={{ x: 1140 }}
            tableLayout="fixed"
            data-testid="aftersales-table"
            onRow={(c) => ({
              onClick: () => navigate(`/aftersales/${c.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={emptyText} data-testid="aftersales-empty">
                  {filtered && <Button onClick={clearFilters}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 个售后单`,
              onChange: (next) => setFilters(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
