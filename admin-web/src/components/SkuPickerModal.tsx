import { useEffect, useState } from 'react';
import { Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PRODUCT_STATUS_LABELS, formatFen, type SkuPickerItem } from '@linli/shared-types';
import { catalogKeys, searchSkus } from '../pages/catalog/service';
import { Cover } from '../pages/catalog/components/ProductBits';
import { LoadError } from './LoadError';

interface Props {
  open: boolean;
  title: string;
  /** SKUs already chosen: shown ticked and disabled. */
  chosenIds: number[];
  /** Bundles cannot contain bundles. */
  excludeBundles?: boolean;
  onPick: (items: SkuPickerItem[]) => void;
  onClose: () => void;
}

const PAGE_SIZE = 8;

/** Search active SKUs of listed products (GET /api/admin/skus) and tick several at once. */
export function SkuPickerModal({ open, title, chosenIds, excludeBundles, onPick, onClose }: Props) {
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Map<number, SkuPickerItem>>(new Map());
  useEffect(() => {
    if (open) setPicked(new Map());
  }, [open]);

  const list = useQuery({
    queryKey: [...catalogKeys.skus(keyword, page), PAGE_SIZE],
    queryFn: () => searchSkus(keyword, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    enabled: open,
  });

  const columns: TableColumnsType<SkuPickerItem> = [
    {
      title: '商品规格',
      key: 'sku',
      render: (_, s) => (
        <Flex gap={10} align="center">
          <Cover url={s.coverUrl} size={36} />
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{s.productName}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {s.specText}
              {s.productKind === 'bundle' && (
                <Tag color="purple" bordered={false} style={{ marginLeft: 6 }}>
                  套餐
                </Tag>
              )}
              {s.productStatus !== 'on_sale' && (
                <Tag bordered={false} style={{ marginLeft: 6 }}>
                  {PRODUCT_STATUS_LABELS[s.productStatus]}
                </Tag>
              )}
            </Typography.Text>
          </div>
        </Flex>
      ),
    },
    { title: '零售价', dataIndex: 'price', width: 100, align: 'right', render: (v: number) => formatFen(v) },
    { title: '可售', dataIndex: 'stock', width: 80, align: 'right' },
  ];

  const isDisabled = (s: SkuPickerItem) =>
    chosenIds.includes(s.skuId) || (excludeBundles === true && s.productKind === 'bundle');

  return (
    <Modal
      open={open}
      title={title}
      width={720}
      onCancel={onClose}
      onOk={() => {
        onPick([...picked.values()]);
        onClose();
      }}
      okText={picked.size > 0 ? `添加 ${picked.size} 个规格` : '添加'}
      okButtonProps={{ disabled: picked.size === 0, ...{ 'data-testid': 'sku-picker-ok' } }}
      cancelText="取消"
      destroyOnHidden
    >
      <Input.Search
        placeholder="商品名称或条码"
        allowClear
        enterButton
        style={{ marginBottom: 12 }}
        onSearch={(v) => {
          setKeyword(v.trim());
          setPage(1);
        }}
        data-testid="sku-picker-search"
      />
      {list.isError && !list.data ? (
        <LoadError compact error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<SkuPickerItem>
          rowKey="skuId"
          size="small"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          data-testid="sku-picker-table"
          rowSelection={{
            selectedRowKeys: [...chosenIds, ...picked.keys()],
            getCheckboxProps: (s) => ({ disabled: isDisabled(s) }),
            onSelect: (s, selected) =>
              setPicked((prev) => {
                const next = new Map(prev);
                if (selected) next.set(s.skuId, s);
                else next.delete(s.skuId);
                return next;
              }),
            onSelectAll: (selected, _rows, changed) =>
              setPicked((prev) => {
                const next = new Map(prev);
                for (const s of changed) {
                  if (isDisabled(s)) continue;
                  if (selected) next.set(s.skuId, s);
                  else next.delete(s.skuId);
                }
                return next;
              }),
          }}
          onRow={(s) => ({
            onClick: () => {
              if (isDisabled(s)) return;
              setPicked((prev) => {
                const next = new Map(prev);
                if (next.has(s.skuId)) next.delete(s.skuId);
                else next.set(s.skuId, s);
                return next;
              });
            },
            style: { cursor: isDisabled(s) ? 'not-allowed' : 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 个规格`,
            size: 'small',
          }}
        />
      )}
    </Modal>
  );
}
