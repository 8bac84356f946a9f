import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Flex, Input, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  CAMPAIGN_AUDIENCE_LABELS,
  CAMPAIGN_STATUS_LABELS,
  formatFen,
  type CampaignListItem,
  type CampaignListQuery,
  type CampaignStatus,
} from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { tablePagination } from '../../components/table-pagination';
import { usePermission } from '../../session/hooks';
import { pageFromSearch, pageToSearch } from '../../utils/url-query';
import { Cover } from '../catalog/components/ProductBits';
import { isoToShanghai } from './campaign-form';
import { CampaignStatusTag } from './components/CampaignStatusTag';
import { FlashSaleTag } from './components/FlashSaleTag';
import { useCampaignAction } from './components/useCampaignAction';
import { ACTION_TEXT, actionsFor, campaignKeys, fetchCampaigns } from './service';

const STATUSES = Object.keys(CAMPAIGN_STATUS_LABELS) as CampaignStatus[];
const time = (iso: string) => isoToShanghai(iso).format('MM-DD HH:mm');

export default function CampaignsPage() {
  const canWrite = usePermission('campaigns.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: CampaignListQuery = useMemo(() => {
    const status = params.get('status') as CampaignStatus | null;
    return {
      ...pageFromSearch(params),
      keyword: params.get('keyword')?.trim() || undefined,
      status: status && STATUSES.includes(status) ? status : undefined,
    };
  }, [params]);
  const setQuery = (patch: Partial<CampaignListQuery>, resetPage = true) => {
    const next = { ...query, ...(resetPage ? { page: 1 } : {}), ...patch };
    const out = pageToSearch(next);
    if (next.keyword) out.keyword = next.keyword;
    if (next.status) out.status = next.status;
    setParams(out);
  };
  const list = useQuery({
    queryKey: campaignKeys.list(query),
    queryFn: () => fetchCampaigns(query),
    placeholderData: keepPreviousData,
  });
  const action = useCampaignAction();

  const columns: TableColumnsType<CampaignListItem> = [
    {
      title: '活动',
      key: 'title',
      render: (_, c) => (
        <Flex gap={12} align="center">
          <Cover url={c.coverUrl} size={48} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/campaigns/${c.id}`} onClick={(e) => e.stopPropagation()}>
              <Typography.Text strong data-testid="campaign-row-title">
                {c.title}
              </Typography.Text>
            </Link>
            {c.flashSale && <FlashSaleTag style={{ marginLeft: 8 }} />}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {c.itemCount} 个商品 · {CAMPAIGN_AUDIENCE_LABELS[c.audience]}
              {c.itemCount > 0 ? ` · ${formatFen(c.minGroupPrice)} 起` : ''}
            </Typography.Text>
          </div>
        </Flex>
      ),
    },
    {
      title: '活动时间',
      key: 'window',
      width: 200,
      render: (_, c) => (
        <div style={{ fontSize: 13, lineHeight: 1.7 }}>
          <div>
            {time(c.startAt)} ~ {time(c.endAt)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            截单 {time(c.cutoffAt)} · 提货 {c.pickupDate.slice(5)}
          </Typography.Text>
        </div>
      ),
    },
    { title: '已团', dataIndex: 'soldQuantity', width: 80, align: 'right' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: CampaignStatus) => <CampaignStatusTag status={s} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 280,
      render: (_, c) => (
        <Space size={0} wrap onClick={(e) => e.stopPropagation()}>
          {canWrite && c.status !== 'ended' && (
            <Button type="link" size="small" onClick={() => navigate(`/campaigns/${c.id}/edit`)}>
              编辑
            </Button>
          )}
          {canWrite &&
            actionsFor(c.status).map((a) => (
              <Button
                key={a}
                type="link"
                size="small"
                danger={a === 'end'}
                onClick={() => action.confirm(c, a)}
                data-testid={`campaign-${a}`}
              >
                {ACTION_TEXT[a].label}
              </Button>
            ))}
          <Button type="link" size="small" onClick={() => navigate(`/campaigns/${c.id}?preview=1`)}>
            预览
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="团购活动"
        description="草稿排期后到开始时间自动上线、到结束时间自动结束；买家在所属团长处看到进行中的活动。"
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/campaigns/new')}
              data-testid="campaign-create"
            >
              新建活动
            </Button>
          )
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={query.status ?? 'all'}
          onChange={(key) => setQuery({ status: key === 'all' ? undefined : (key as CampaignStatus) })}
          items={[
            { key: 'all', label: '全部' },
            ...STATUSES.map((s) => ({ key: s, label: CAMPAIGN_STATUS_LABELS[s] })),
          ]}
          tabBarExtraContent={
            <Input.Search
              key={query.keyword ?? ''}
              defaultValue={query.keyword}
              placeholder="活动标题"
              allowClear
              style={{ width: 240 }}
              onSearch={(v) => setQuery({ keyword: v.trim() || undefined })}
            />
          }
        />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<CampaignListItem>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching || action.pending}
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            data-testid="campaigns-table"
            onRow={(c) => ({ onClick: () => navigate(`/campaigns/${c.id}`), style: { cursor: 'pointer' } })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty
                  description={
                    query.status ? `没有${CAMPAIGN_STATUS_LABELS[query.status]}的活动` : '还没有团购活动'
                  }
                />
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 个活动`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
