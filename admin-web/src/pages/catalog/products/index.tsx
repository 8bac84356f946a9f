import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PRODUCT_KIND_LABELS,
  PRODUCT_STATUS_LABELS,
  formatFen,
  type ProductKind,
  type ProductListItem,
  type ProductListQuery,
  type ProductStatus,
} from '@linli/shared-types';
import { describeError } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { tablePagination } from '../../../components/table-pagination';
import { usePermission } from '../../../session/hooks';
import { formatDateTime } from '../../../utils/format';
import { Cover, ProductStatusTag } from '../components/ProductBits';
import { ProductFilterFields } from '../components/ProductFilterFields';
import { catalogKeys, changeProductStatus, fetchProducts, KIND_OPTIONS, statusActionLabel } from '../service';
import { productQueryFromSearch, productQueryToSearch } from './list-query';

const STATUS_OPTIONS = (Object.entries(PRODUCT_STATUS_LABELS) as [ProductStatus, string][]).map(
  ([value, label]) => ({ value, label }),
);

function priceRange(p: ProductListItem): string {
  if (p.skuCount === 0) return '—';
  return p.minPrice === p.maxPrice
    ? formatFen(p.minPrice)
    : `${formatFen(p.minPrice)} ~ ${formatFen(p.maxPrice)}`;
}

/** 商品列表, and 组合套餐 when `fixedKind` is 'bundle' (the same list, filtered). */
export function ProductListPage({ fixedKind }: { fixedKind?: ProductKind }) {
  const canWrite = usePermission('catalog.write');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => productQueryFromSearch(params, fixedKind), [params, fixedKind]);
  const setQuery = (patch: Partial<ProductListQuery>, resetPage = true) =>
    setParams(productQueryToSearch({ ...query, ...(resetPage ? { page: 1 } : {}), ...patch }, fixedKind));

  const list = useQuery({
    queryKey: catalogKeys.products(query),
    queryFn: () => fetchProducts(query),
    placeholderData: keepPreviousData,
  });

  const setStatus = useMutation({
    mutationFn: ({ product, status }: { product: ProductListItem; status: ProductStatus }) =>
      changeProductStatus(product.id, status),
    onSuccess: (saved, { status }) => {
      void message.success(`「${saved.name}」已${statusActionLabel(status)}`);
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
    onError: (error) => void message.error(describeError(error)),
  });

  const confirmStatus = (product: ProductListItem, status: ProductStatus) => {
    if (status === 'on_sale') return setStatus.mutate({ product, status });
    modal.confirm({
      title: `下架「${product.name}」？`,
      content: '下架后买家看不到此商品，进行中的团购活动里它也会被隐藏。',
      okText: '下架',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => setStatus.mutateAsync({ product, status }).catch(() => undefined),
    });
  };

  const isBundles = fixedKind === 'bundle';
  const title = isBundles ? '组合套餐' : '商品列表';
  const newPath = isBundles ? '/catalog/products/new?kind=bundle' : '/catalog/products/new';

  const columns: TableColumnsType<ProductListItem> = [
    {
      title: '商品',
      key: 'product',
      render: (_, p) => (
        <Flex gap={12} align="center">
          <Cover url={p.coverUrl} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/catalog/products/${p.id}`} onClick={(e) => e.stopPropagation()}>
              <Typography.Text strong data-testid="product-row-name">
                {p.name}
              </Typography.Text>
            </Link>
            <div>
              {p.kind === 'bundle' && (
                <Tag color="purple" bordered={false}>
                  {PRODUCT_KIND_LABELS.bundle}
                </Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.kind === 'bundle' ? '' : `${p.skuCount} 个规格`}
              </Typography.Text>
            </div>
          </div>
        </Flex>
      ),
    },
    { title: '分类', dataIndex: 'categoryName', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '供应商',
      dataIndex: 'supplierName',
      width: 140,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: '零售价', key: 'price', width: 160, align: 'right', render: (_, p) => priceRange(p) },
    {
      title: '库存',
      key: 'stock',
      width: 130,
      align: 'right',
      render: (_, p) => (
        <Space size={4}>
          <span data-testid="product-row-stock">{p.totalStock}</span>
          {p.lowStockSkuCount > 0 && (
            <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>
              {p.lowStockSkuCount} 个低库存
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: ProductStatus) => <ProductStatusTag status={s} />,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
      render: (iso: string) => formatDateTime(iso),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 110,
            render: (_: unknown, p: ProductListItem) => (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Button type="link" size="small" onClick={() => navigate(`/catalog/products/${p.id}`)}>
                  编辑
                </Button>
                {p.status === 'on_sale' ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => confirmStatus(p, 'off_sale')}
                    data-testid="product-off-sale"
                  >
                    下架
                  </Button>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => confirmStatus(p, 'on_sale')}
                    loading={setStatus.isPending && setStatus.variables?.product.id === p.id}
                    data-testid="product-on-sale"
                  >
                    上架
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const filtered = Boolean(
    query.keyword || query.categoryId || query.supplierId || query.status || (!fixedKind && query.kind),
  );

  return (
    <>
      <PageHeader
        title={title}
        description={
          isBundles
            ? '组合套餐由多个商品规格按数量组成，售出时扣减各组成商品的库存；可售数量取决于最紧缺的那一件。'
            : '商品的规格、价格与库存；上架后才能加入团购活动售卖。'
        }
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate(newPath)}
              data-testid="product-create"
            >
              {isBundles ? '新建组合套餐' : '新建商品'}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
          <ProductFilterFields value={query} onChange={setQuery} searchTestId="product-search" />
          <Select<ProductStatus>
            value={query.status}
            placeholder="状态"
            allowClear
            style={{ width: 120 }}
            options={STATUS_OPTIONS}
            onChange={(status) => setQuery({ status })}
            data-testid="product-filter-status"
          />
          {!fixedKind && (
            <Select<ProductKind>
              value={query.kind}
              placeholder="商品类型"
              allowClear
              style={{ width: 130 }}
              options={KIND_OPTIONS}
              onChange={(kind) => setQuery({ kind })}
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={() => setParams({})}>
            重置
          </Button>
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ProductListItem>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            tableLayout="fixed"
            scroll={{ x: 1100 }}
            data-testid="products-table"
            onRow={(p) => ({
              onClick: () => navigate(`/catalog/products/${p.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty
                  description={filtered ? '没有符合条件的商品' : isBundles ? '还没有组合套餐' : '还没有商品'}
                >
                  {filtered && <Button onClick={() => setParams({})}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 件${isBundles ? '套餐' : '商品'}`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}

export default function ProductsPage() {
  return <ProductListPage />;
}
