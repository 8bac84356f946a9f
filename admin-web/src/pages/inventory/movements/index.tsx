import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MOVEMENT_KIND_LABELS,
  type MovementKind,
  type StockMovementQuery,
  type StockMovementView,
} from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { tablePagination } from '../../../components/table-pagination';
import { formatDateTime } from '../../../utils/format';
import { pageFromSearch, pageToSearch, positiveInt } from '../../../utils/url-query';
import { SkuSearchSelect } from './SkuSearchSelect';
import {
  fetchMovements,
  inventoryKeys,
  MOVEMENT_COLORS,
  MOVEMENT_KIND_OPTIONS,
  shanghaiDayRange,
  signed,
} from '../service';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = Object.keys(MOVEMENT_KIND_LABELS);

interface Filters {
  page: number;
  pageSize: number;
  skuId?: number;
  kind?: MovementKind;
  /** Plain Shanghai days in the URL; the API gets [from 00:00, day after `to` 00:00) at +08:00. */
  from?: string;
  to?: string;
}

function filtersFromSearch(params: URLSearchParams): Filters {
  const kind = params.get('kind') ?? '';
  const day = (raw: string | null) => (raw && DAY.test(raw) ? raw : undefined);
  return {
    ...pageFromSearch(params),
    skuId: positiveInt(params.get('skuId')),
    kind: KINDS.includes(kind) ? (kind as MovementKind) : undefined,
    from: day(params.get('from')),
    to: day(params.get('to')),
  };
}

function toQuery(f: Filters): StockMovementQuery {
  return {
    page: f.page,
    pageSize: f.pageSize,
    skuId: f.skuId,
    kind: f.kind,
    ...shanghaiDayRange(f.from, f.to),
  };
}

const delta = (n: number) => (
  <Typography.Text type={n < 0 ? 'danger' : n > 0 ? 'success' : 'secondary'} strong={n !== 0}>
    {signed(n)}
  </Typography.Text>
);

const columns: TableColumnsType<StockMovementView> = [
  {
    title: '时间',
    dataIndex: 'createdAt',
    width: 150,
    render: (iso: string) => formatDateTime(iso),
  },
  {
    title: '商品规格',
    key: 'sku',
    render: (_, m) => (
      <div>
        <Typography.Text strong>{m.productName}</Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {m.specText}
        </Typography.Text>
      </div>
    ),
  },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 100,
    render: (kind: MovementKind) => (
      <Tag color={MOVEMENT_COLORS[kind]} bordered={false} data-testid="movement-kind">
        {MOVEMENT_KIND_LABELS[kind]}
      </Tag>
    ),
  },
  {
    title: '可售变动',
    dataIndex: 'stockDelta',
    width: 100,
    align: 'right',
    render: (n: number) => <span data-testid="movement-delta">{delta(n)}</span>,
  },
  { title: '占用变动', dataIndex: 'reservedDelta', width: 100, align: 'right', render: delta },
  {
    title: '结存（可售/占用）',
    key: 'after',
    width: 170,
    align: 'right',
    render: (_, m) => (
      <span data-testid="movement-after">
        {m.stockAfter} / {m.reservedAfter}
      </span>
    ),
  },
  {
    title: '原因',
    key: 'reason',
    render: (_, m) => (
      <span>
        {m.reason ?? <Typography.Text type="secondary">—</Typography.Text>}
        {m.orderId !== null && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            订单 #{m.orderId}
          </Typography.Text>
        )}
      </span>
    ),
  },
  { title: '操作人', dataIndex: 'actorName', width: 120 },
];

/** 出入库记录: the append-only ledger, newest first, filterable by SKU, kind and day range. */
export default function MovementsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const query = useMemo(() => toQuery(filters), [filters]);
  const setFilters = (patch: Partial<Filters>, resetPage = true) => {
    const next = { ...filters, ...(resetPage ? { page: 1 } : {}), ...patch };
    const out = pageToSearch(next);
    if (next.skuId) out.skuId = String(next.skuId);
    if (next.kind) out.kind = next.kind;
    if (next.from) out.from = next.from;
    if (next.to) out.to = next.to;
    setParams(out);
  };

  const list = useQuery({
    queryKey: inventoryKeys.movements(query),
    queryFn: () => fetchMovements(query),
    placeholderData: keepPreviousData,
  });
  const skuName = filters.skuId
    ? list.data?.items[0]
      ? `${list.data.items[0].productName}（${list.data.items[0].specText}）`
      : `规格 #${filters.skuId}`
    : null;
  const range: [Dayjs | null, Dayjs | null] = [
    filters.from ? dayjs(filters.from) : null,
    filters.to ? dayjs(filters.to) : null,
  ];
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

  return (
    <>
      <PageHeader
        title="出入库记录"
        description="每一次库存变动（入库、盘点、报损、下单占用、出库、退货）都会记入这里，记录只增不改。"
        extra={<Link to="/inventory">返回库存总览</Link>}
      />
      <Card variant="borderless">
        <Space wrap size={[12, 12]} style={{ marginBottom: 16 }}>
          <SkuSearchSelect
            value={filters.skuId}
            selectedLabel={skuName}
            onChange={(skuId) => setFilters({ skuId })}
          />
          <Select<MovementKind>
            value={filters.kind}
            placeholder="变动类型"
            allowClear
            style={{ width: 140 }}
            options={MOVEMENT_KIND_OPTIONS}
            onChange={(kind) => setFilters({ kind })}
            data-testid="movement-filter-kind"
          />
          <DatePicker.RangePicker
            value={range}
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
            onChange={(v) => setFilters({ from: day(v?.[0]), to: day(v?.[1]) })}
          />
          <Button icon={<ReloadOutlined />} onClick={() => setParams({})}>
            重置
          </Button>
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<StockMovementView>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            tableLayout="fixed"
            scroll={{ x: 1100 }}
            data-testid="movements-table"
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description="没有符合条件的记录" />
              ),
            }}
            pagination={tablePagination({
              page: filters.page,
              pageSize: filters.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 条记录`,
              onChange: (next) => setFilters(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
