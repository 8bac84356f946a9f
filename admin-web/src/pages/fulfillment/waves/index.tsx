import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Card, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FulfillmentWaveQuery, FulfillmentWaveView } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { tablePagination } from '../../../components/table-pagination';
import { pageFromSearch, pageToSearch, positiveInt } from '../../../utils/url-query';
import { CampaignFilterSelect } from '../../orders/components/FilterSelects';
import { shanghaiTime } from '../../orders/service';
import { fetchWaves, fulfillmentKeys } from '../service';

const num = (n: number, muted = false) => (
  <Typography.Text type={muted || n === 0 ? 'secondary' : undefined}>{n}</Typography.Text>
);

const columns: TableColumnsType<FulfillmentWaveView> = [
  {
    title: '团购活动',
    key: 'campaign',
    ellipsis: true,
    render: (_, w) => (
      <Link
        to={`/fulfillment/waves/${w.id}`}
        onClick={(e) => e.stopPropagation()}
        data-testid="wave-row-title"
      >
        {w.campaignTitle}
      </Link>
    ),
  },
  {
    title: '截单时间',
    key: 'cutoff',
    width: 150,
    render: (_, w) => shanghaiTime(w.cutoffAt),
  },
  { title: '提货日', dataIndex: 'pickupDate', width: 110 },
  {
    title: '订单',
    key: 'total',
    width: 70,
    align: 'right',
    render: (_, w) => <strong>{w.counts.total}</strong>,
  },
  { title: '待发货', key: 'locked', width: 80, align: 'right', render: (_, w) => num(w.counts.locked) },
  { title: '已发货', key: 'shipped', width: 80, align: 'right', render: (_, w) => num(w.counts.shipped) },
  {
    title: '待提货',
    key: 'ready',
    width: 80,
    align: 'right',
    render: (_, w) => num(w.counts.readyForPickup),
  },
  { title: '已提货', key: 'picked', width: 80, align: 'right', render: (_, w) => num(w.counts.pickedUp) },
  {
    title: '已退款',
    key: 'refunded',
    width: 80,
    align: 'right',
    render: (_, w) => num(w.counts.refunded, true),
  },
];

/** 履约看板: one wave per campaign, recorded at its 截单; the newest cut-off first. */
export default function WavesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const query: FulfillmentWaveQuery = useMemo(
    () => ({ ...pageFromSearch(params), campaignId: positiveInt(params.get('campaignId')) }),
    [params],
  );
  const list = useQuery({
    queryKey: fulfillmentKeys.waves(query),
    queryFn: () => fetchWaves(query),
    placeholderData: keepPreviousData,
  });
  const setQuery = (next: FulfillmentWaveQuery) =>
    setParams({
      ...pageToSearch(next),
      ...(next.campaignId ? { campaignId: String(next.campaignId) } : {}),
    });
  const campaignName = list.data?.items.find((w) => w.campaignId === query.campaignId)?.campaignTitle;

  return (
    <div data-testid="waves-page">
      <PageHeader
        title="履约看板"
        description="每个团购活动到截单时间自动生成一个履约波次：锁定已付款订单，按需求生成采购单、拣货单和配送单。"
      />
      <Card variant="borderless">
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <CampaignFilterSelect
            value={query.campaignId}
            selectedName={campaignName}
            placeholder="按团购活动筛选"
            style={{ width: 280 }}
            onChange={(campaignId) => setQuery({ page: 1, pageSize: query.pageSize, campaignId })}
            data-testid="wave-campaign-filter"
          />
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<FulfillmentWaveView>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            size="middle"
            tableLayout="fixed"
            scroll={{ x: 900 }}
            data-testid="waves-table"
            onRow={(w) => ({
              onClick: () => navigate(`/fulfillment/waves/${w.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={
                    query.campaignId ? '该活动还没有截单' : '还没有履约波次，活动到截单时间后显示在这里'
                  }
                />
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 个波次`,
              onChange: (next) => setQuery({ ...query, ...next }),
            })}
          />
        )}
      </Card>
    </div>
  );
}
