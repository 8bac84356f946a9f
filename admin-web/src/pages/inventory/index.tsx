import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Flex, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { HistoryOutlined, SwapOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { formatFen, type InventorySkuQuery, type InventorySkuView } from '@linli/shared-types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { tablePagination } from '../../components/table-pagination';
import { usePermission } from '../../session/hooks';
import { pageFromSearch, pageToSearch, positiveInt } from '../../utils/url-query';
import { Cover } from '../catalog/components/ProductBits';
import { ProductFilterFields } from '../catalog/components/ProductFilterFields';
import { AdjustStockModal } from './AdjustStockModal';
import { fetchInventorySkus, inventoryKeys } from './service';
import { ThresholdCell } from './ThresholdCell';

function queryFromSearch(params: URLSearchParams): InventorySkuQuery {
  return {
    ...pageFromSearch(params),
    keyword: params.get('keyword')?.trim() || undefined,
    categoryId: positiveInt(params.get('categoryId')),
    supplierId: positiveInt(params.get('supplierId')),
    lowStock: params.get('tab') === 'low' ? true : undefined,
  };
}

function queryToSearch(query: InventorySkuQuery): Record<string, string> {
  const out = pageToSearch(query);
  if (query.keyword) out.keyword = query.keyword;
  if (query.categoryId) out.categoryId = String(query.categoryId);
  if (query.supplierId) out.supplierId = String(query.supplierId);
  if (query.lowStock) out.tab = 'low';
  return out;
}

/** 库存总览 with its 低库存 tab: stock, reserved, threshold (editable), value; adjust and see the ledger. */
export default function InventoryPage() {
  const canWrite = usePermission('inventory.write');
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromSearch(params), [params]);
  const setQuery = (patch: Partial<InventorySkuQuery>, resetPage = true) =>
    setParams(queryToSearch({ ...query, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const [adjusting, setAdjusting] = useState<InventorySkuView | null>(null);

  const list = useQuery({
    queryKey: inventoryKeys.skus(query),
    queryFn: () => fetchInventorySkus(query),
    placeholderData: keepPreviousData,
  });
  // The tab shows how many SKUs are low right now, whatever tab is open.
  const lowCount = useQuery({
    queryKey: inventoryKeys.skus({ lowStock: true, page: 1, pageSize: 1 }),
    queryFn: () => fetchInventorySkus({ lowStock: true, page: 1, pageSize: 1 }),
  });

  const columns: TableColumnsType<InventorySkuView> = [
    {
      title: '商品规格',
      key: 'sku',
      render: (_, s) => (
        <Flex gap={10} align="center">
          <Cover url={s.coverUrl} size={40} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/catalog/products/${s.productId}`}>
              <Typography.Text strong>{s.productName}</Typography.Text>
            </Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {s.specText}
              {s.barcode ? ` · ${s.barcode}` : ''}
            </Typography.Text>
          </div>
        </Flex>
      ),
    },
    {
      title: '可售库存',
      dataIndex: 'stock',
      width: 130,
      align: 'right',
      render: (stock: number, s) => (
        <Space size={6}>
          {s.isLowStock && (
            <Tag color="red" bordered={false} icon={<WarningOutlined />} style={{ marginInlineEnd: 0 }}>
              低库存
            </Tag>
          )}
          <Typography.Text strong type={s.isLowStock ? 'danger' : undefined} data-testid="inventory-stock">
            {stock}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '已占用',
      dataIndex: 'reserved',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? n : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: '预警值',
      key: 'threshold',
      width: 150,
      render: (_, s) => <ThresholdCell sku={s} editable={canWrite} />,
    },
    {
      title: '货值',
      dataIndex: 'stockValue',
      width: 120,
      align: 'right',
      render: (v: number) => formatFen(v),
    },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, s) => (
        <Space size={0}>
          {canWrite && (
            <Button
              type="link"
              size="small"
              icon={<SwapOutlined />}
              onClick={() => setAdjusting(s)}
              data-testid="inventory-adjust"
            >
              调整库存
            </Button>
          )}
          <Link to={`/inventory/movements?skuId=${s.skuId}`} data-testid="inventory-movements">
            <Button type="link" size="small" icon={<HistoryOutlined />}>
              流水
            </Button>
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="库存总览"
        description="可售库存 = 可以下单的数量；已占用 = 已下单未提货。库存只能通过入库、盘点、报损等登记变动，每次变动都记入出入库记录。"
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={query.lowStock ? 'low' : 'all'}
          onChange={(tab) => setQuery({ lowStock: tab === 'low' ? true : undefined })}
          items={[
            { key: 'all', label: '全部库存' },
            {
              key: 'low',
              label: (
                <span data-testid="inventory-low-tab">
                  低库存{' '}
                  {lowCount.data && lowCount.data.total > 0 && (
                    <Tag color="red" bordered={false} style={{ marginLeft: 4 }}>
                      {lowCount.data.total}
                    </Tag>
                  )}
                </span>
              ),
            },
          ]}
        />
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <ProductFilterFields value={query} onChange={setQuery} searchTestId="inventory-search" />
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<InventorySkuView>
            rowKey="skuId"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            tableLayout="fixed"
            scroll={{ x: 1000 }}
            data-testid="inventory-table"
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={query.lowStock ? '没有低于预警值的规格' : '没有符合条件的库存'} />
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 个规格`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>
      <AdjustStockModal sku={adjusting} onClose={() => setAdjusting(null)} />
    </>
  );
}
