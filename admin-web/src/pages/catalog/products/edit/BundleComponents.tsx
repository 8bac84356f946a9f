import { useState } from 'react';
import { Alert, Button, Empty, InputNumber, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { BundleComponentView } from '@linli/shared-types';
import { SkuPickerModal } from '../../../../components/SkuPickerModal';
import { bundleAvailability } from '../sku-matrix';

interface Props {
  components: BundleComponentView[];
  onChange: (next: BundleComponentView[]) => void;
}

/** 组合内容: component SKUs with quantities, and how many bundles their stock makes right now. */
export function BundleComponents({ components, onChange }: Props) {
  const [picking, setPicking] = useState(false);
  const available = bundleAvailability(components);
  const units = components.reduce((sum, c) => sum + c.quantity, 0);
  const limiting =
    components.length > 0
      ? components.find((c) => Math.floor(c.stock / c.quantity) === available)
      : undefined;

  const columns: TableColumnsType<BundleComponentView> = [
    {
      title: '组成商品',
      key: 'sku',
      render: (_, c) => (
        <>
          <Typography.Text strong>{c.productName}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {c.specText}
          </Typography.Text>
        </>
      ),
    },
    { title: '当前可售', dataIndex: 'stock', width: 100, align: 'right' },
    {
      title: '每套数量',
      key: 'quantity',
      width: 130,
      render: (_, c) => (
        <InputNumber
          min={1}
          max={99}
          precision={0}
          value={c.quantity}
          onChange={(v) =>
            onChange(components.map((x) => (x.skuId === c.skuId ? { ...x, quantity: v ?? 1 } : x)))
          }
          data-testid="bundle-quantity"
        />
      ),
    },
    {
      title: '可组成套数',
      key: 'makes',
      width: 110,
      align: 'right',
      render: (_, c) => Math.floor(c.stock / c.quantity),
    },
    {
      title: '',
      key: 'remove',
      width: 50,
      render: (_, c) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label="移除"
          onClick={() => onChange(components.filter((x) => x.skuId !== c.skuId))}
        />
      ),
    },
  ];

  return (
    <div>
      <Table<BundleComponentView>
        rowKey="skuId"
        size="small"
        columns={columns}
        dataSource={components}
        pagination={false}
        data-testid="bundle-components"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有组成商品" /> }}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        onClick={() => setPicking(true)}
        data-testid="bundle-add"
      >
        选择组成商品
      </Button>
      {components.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type={units < 2 ? 'warning' : available === 0 ? 'error' : 'success'}
          showIcon
          data-testid="bundle-availability"
          message={
            units < 2
              ? '组合套餐至少需要 2 件商品（可以是同一规格 × 2）'
              : `按当前库存可售 ${available} 套${limiting ? `，受「${limiting.productName} ${limiting.specText}」限制` : ''}`
          }
        />
      )}
      <SkuPickerModal
        open={picking}
        title="选择组成商品"
        chosenIds={components.map((c) => c.skuId)}
        excludeBundles
        onClose={() => setPicking(false)}
        onPick={(items) =>
          onChange([
            ...components,
            ...items.map((s) => ({
              skuId: s.skuId,
              productId: s.productId,
              productName: s.productName,
              specText: s.specText,
              quantity: 1,
              stock: s.stock,
            })),
          ])
        }
      />
    </div>
  );
}
