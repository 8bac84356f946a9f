import { useState } from 'react';
import { Button, Empty, Flex, InputNumber, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { formatFen } from '@linli/shared-types';
import { SkuPickerModal } from '../../../components/SkuPickerModal';
import { YUAN_INPUT } from '../../../utils/money';
import { Cover } from '../../catalog/components/ProductBits';
import { itemFromPicker, type CampaignItemRow } from '../campaign-form';

interface Props {
  value?: CampaignItemRow[];
  onChange?: (rows: CampaignItemRow[]) => void;
}

const locked = (
  <Tooltip title="活动进行中，买家可能已加入购物车，不能修改">
    <LockOutlined style={{ color: '#94a3b8', marginLeft: 6 }} />
  </Tooltip>
);

/** 活动商品: SKUs picked from the catalog with group price, 划线价, per-member limit and an optional cap. */
export function CampaignItemsTable({ value = [], onChange }: Props) {
  const [picking, setPicking] = useState(false);
  const patch = (skuId: number, p: Partial<CampaignItemRow>) =>
    onChange?.(value.map((r) => (r.skuId === skuId ? { ...r, ...p } : r)));

  const columns: TableColumnsType<CampaignItemRow> = [
    {
      title: '商品规格',
      key: 'sku',
      render: (_, r) => (
        <Flex gap={10} align="center">
          <Cover url={r.coverUrl} size={36} />
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{r.productName}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.specText} · 零售 {formatFen(r.retailPrice)}
            </Typography.Text>
          </div>
        </Flex>
      ),
    },
    {
      title: '团购价（元）',
      key: 'group',
      width: 140,
      render: (_, r) => (
        <Flex align="center">
          <InputNumber
            {...YUAN_INPUT}
            value={r.groupPriceYuan}
            disabled={r.locked}
            status={r.groupPriceYuan === null ? 'warning' : undefined}
            onChange={(v) => patch(r.skuId, { groupPriceYuan: v })}
            style={{ width: '100%' }}
            data-testid="campaign-item-group-price"
          />
          {r.locked && locked}
        </Flex>
      ),
    },
    {
      title: '划线价（元）',
      key: 'original',
      width: 130,
      render: (_, r) => (
        <InputNumber
          {...YUAN_INPUT}
          value={r.originalPriceYuan}
          disabled={r.locked}
          onChange={(v) => patch(r.skuId, { originalPriceYuan: v })}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: '每人限购',
      key: 'limit',
      width: 110,
      render: (_, r) => (
        <InputNumber
          min={0}
          max={999}
          precision={0}
          value={r.perMemberLimit}
          disabled={r.locked}
          placeholder="0 不限"
          onChange={(v) => patch(r.skuId, { perMemberLimit: v ?? 0 })}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: (
        <Tooltip title="本活动最多卖出的数量，不填则只受商品库存限制">
          <span>活动限量</span>
        </Tooltip>
      ),
      key: 'cap',
      width: 120,
      render: (_, r) => (
        <InputNumber
          min={r.locked && r.savedStockCap !== null ? r.savedStockCap : 1}
          max={1_000_000}
          precision={0}
          value={r.stockCap}
          placeholder="不限"
          onChange={(v) => patch(r.skuId, { stockCap: v })}
          style={{ width: '100%' }}
        />
      ),
    },
    {
      title: '已团',
      dataIndex: 'soldQuantity',
      width: 70,
      align: 'right',
    },
    {
      title: '',
      key: 'remove',
      width: 48,
      render: (_, r) =>
        r.locked ? null : (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label="移除"
            onClick={() => onChange?.(value.filter((x) => x.skuId !== r.skuId))}
          />
        ),
    },
  ];

  return (
    <>
      <Table<CampaignItemRow>
        rowKey="skuId"
        size="small"
        columns={columns}
        dataSource={value}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="campaign-items"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有活动商品" /> }}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        onClick={() => setPicking(true)}
        data-testid="campaign-add-items"
      >
        添加商品
      </Button>
      <SkuPickerModal
        open={picking}
        title="选择活动商品"
        chosenIds={value.map((r) => r.skuId)}
        onClose={() => setPicking(false)}
        onPick={(items) => onChange?.([...value, ...items.map(itemFromPicker)])}
      />
    </>
  );
}
