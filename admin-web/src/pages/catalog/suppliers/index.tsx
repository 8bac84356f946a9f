import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Badge, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SUPPLIER_SETTLEMENT_LABELS, type SupplierStatus, type SupplierView } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { tablePagination } from '../../../components/table-pagination';
import { usePermission } from '../../../session/hooks';
import { pageFromSearch, pageToSearch } from '../../../utils/url-query';
import { catalogKeys, fetchSuppliers, type SupplierListQuery } from '../service';
import { SupplierDrawer } from './SupplierDrawer';

const STATUS_OPTIONS = [
  { value: 'active', label: '合作中' },
  { value: 'disabled', label: '已停用' },
];

export default function SuppliersPage() {
  const canWrite = usePermission('catalog.write');
  const [params, setParams] = useSearchParams();
  const query: SupplierListQuery = useMemo(() => {
    const status = params.get('status');
    return {
      ...pageFromSearch(params),
      keyword: params.get('keyword') ?? undefined,
      status: status === 'active' || status === 'disabled' ? status : undefined,
    };
  }, [params]);
  const setQuery = (next: SupplierListQuery) => {
    const out = pageToSearch(next);
    if (next.keyword) out.keyword = next.keyword;
    if (next.status) out.status = next.status;
    setParams(out);
  };
  const [drawer, setDrawer] = useState<{ supplier: SupplierView | null } | null>(null);

  const list = useQuery({
    queryKey: catalogKeys.suppliers(query),
    queryFn: () => fetchSuppliers(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<SupplierView> = [
    {
      title: '供应商',
      dataIndex: 'name',
      render: (name: string, s) => (
        <div>
          <Typography.Text strong data-testid="supplier-row-name">
            {name}
          </Typography.Text>
          {s.address && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
              {s.address}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '联系人',
      key: 'contact',
      width: 180,
      render: (_, s) =>
        s.contactName || s.contactPhone ? (
          <div>
            <div>{s.contactName ?? '—'}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.contactPhone}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '结算方式',
      key: 'settlement',
      width: 220,
      render: (_, s) => (
        <div>
          <div>{SUPPLIER_SETTLEMENT_LABELS[s.settlement]}</div>
          {s.settlementNote && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              ellipsis={{ tooltip: s.settlementNote }}
            >
              {s.settlementNote}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '商品数',
      dataIndex: 'productCount',
      width: 100,
      align: 'right',
      render: (n: number, s) =>
        n > 0 ? <Link to={`/catalog/products?supplierId=${s.id}`}>{n} 件</Link> : '0',
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (status: SupplierStatus) =>
        status === 'active' ? (
          <Badge status="success" text="合作中" />
        ) : (
          <Badge status="default" text="已停用" />
        ),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, s: SupplierView) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDrawer({ supplier: s })}
                data-testid="supplier-edit"
              >
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="供应商"
        description="供货方及联系人、结算方式；停用的供应商不能再选给新商品。"
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer({ supplier: null })}
              data-testid="supplier-create"
            >
              添加供应商
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={query.keyword ?? ''}
            defaultValue={query.keyword}
            placeholder="供应商名称 / 联系人"
            allowClear
            enterButton
            style={{ width: 280 }}
            onSearch={(v) => setQuery({ ...query, page: 1, keyword: v.trim() || undefined })}
          />
          <Select<SupplierStatus>
            value={query.status}
            placeholder="状态"
            allowClear
            style={{ width: 120 }}
            options={STATUS_OPTIONS}
            onChange={(status) => setQuery({ ...query, page: 1, status })}
          />
        </Space>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SupplierView>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            tableLayout="fixed"
            data-testid="suppliers-table"
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description="还没有供应商" />
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: list.data?.total,
              describeTotal: (n) => `共 ${n} 家供应商`,
              onChange: (next) => setQuery({ ...query, ...next }),
            })}
          />
        )}
      </Card>
      <SupplierDrawer
        open={drawer !== null}
        supplier={drawer?.supplier ?? null}
        onClose={() => setDrawer(null)}
      />
    </>
  );
}
