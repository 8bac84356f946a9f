import { useState } from 'react';
import { Button, Empty, Flex, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { usePermission } from '../../../../session/hooks';
import { YUAN_INPUT } from '../../../../utils/money';
import { batchFill, rowKey, rowLabel, type BatchPatch, type SkuRow } from '../sku-matrix';

interface Props {
  rows: SkuRow[];
  onChange: (rows: SkuRow[]) => void;
  /** Spec dimension names, one column each. */
  dimensionNames: string[];
  /** A bundle shows one row without stock fields (its stock comes from its components). */
  bundle?: boolean;
}

const num = { style: { width: '100%' } } as const;

/**
 * The SKU matrix: one row per combination, a batch-fill bar above; initial stock only on new rows and
 * only for staff who may book stock (inventory.write; the server refuses it otherwise).
 */
export function SkuMatrixTable({ rows, onChange, dimensionNames, bundle }: Props) {
  const [batch, setBatch] = useState<BatchPatch>({});
  const canBookStock = usePermission('inventory.write');
  const patchRow = (key: string, patch: Partial<SkuRow>) =>
    onChange(rows.map((r) => (rowKey(r.specValues) === key ? { ...r, ...patch } : r)));
  const anyNew = rows.some((r) => r.skuId === undefined);

  const columns: TableColumnsType<SkuRow> = [
    ...(dimensionNames.length > 0
      ? dimensionNames.map((name, i) => ({
          title: name || `规格 ${i + 1}`,
          key: `dim-${i}`,
          width: 110,
          render: (_: unknown, row: SkuRow) => (
            <Typography.Text strong={i === 0}>{row.specValues[i]}</Typography.Text>
          ),
        }))
      : [
          {
            title: '规格',
            key: 'spec',
            width: 90,
            render: (_: unknown, row: SkuRow) => rowLabel(row),
          },
        ]),
    {
      title: <Required>售价（元）</Required>,
      key: 'price',
      width: 130,
      render: (_, row) => (
        <InputNumber
          {...YUAN_INPUT}
          {...num}
          value={row.priceYuan}
          status={row.priceYuan === null ? 'warning' : undefined}
          onChange={(v) => patchRow(rowKey(row.specValues), { priceYuan: v })}
          data-testid="sku-price"
        />
      ),
    },
    {
      title: <Required>成本（元）</Required>,
      key: 'cost',
      width: 130,
      render: (_, row) => (
        <InputNumber
          {...YUAN_INPUT}
          {...num}
          value={row.costYuan}
          status={row.costYuan === null ? 'warning' : undefined}
          onChange={(v) => patchRow(rowKey(row.specValues), { costYuan: v })}
          data-testid="sku-cost"
        />
      ),
    },
    {
      title: '条码',
      key: 'barcode',
      width: 150,
      render: (_, row) => (
        <Input
          value={row.barcode}
          maxLength={32}
          placeholder="选填"
          onChange={(e) => patchRow(rowKey(row.specValues), { barcode: e.target.value })}
          data-testid="sku-barcode"
        />
      ),
    },
    {
      title: '重量（克）',
      key: 'weight',
      width: 110,
      render: (_, row) => (
        <InputNumber
          {...num}
          min={0}
          max={1_000_000}
          precision={0}
          value={row.weightGrams}
          onChange={(v) => patchRow(rowKey(row.specValues), { weightGrams: v })}
        />
      ),
    },
    ...(bundle
      ? []
      : [
          {
            title: '预警库存',
            key: 'threshold',
            width: 100,
            render: (_: unknown, row: SkuRow) => (
              <InputNumber
                {...num}
                min={0}
                max={1_000_000}
                precision={0}
                value={row.lowStockThreshold}
                onChange={(v) => patchRow(rowKey(row.specValues), { lowStockThreshold: v })}
                data-testid="sku-threshold"
              />
            ),
          },
          {
            title: '库存',
            key: 'stock',
            width: 120,
            render: (_: unknown, row: SkuRow) =>
              row.skuId === undefined && !canBookStock ? (
                <Typography.Text
                  type="secondary"
                  title="需要库存管理权限；保存后由仓库人员在「库存总览」入库"
                >
                  0
                  <Tag bordered={false} style={{ marginLeft: 6 }} data-testid="sku-stock-no-permission">
                    待入库
                  </Tag>
                </Typography.Text>
              ) : row.skuId === undefined ? (
                <InputNumber
                  {...num}
                  min={0}
                  max={1_000_000}
                  precision={0}
                  placeholder="初始库存"
                  value={row.initialStock}
                  onChange={(v) => patchRow(rowKey(row.specValues), { initialStock: v })}
                  data-testid="sku-initial-stock"
                />
              ) : (
                <Typography.Text title="已有规格的库存请在「库存总览」中调整">
                  {row.stock ?? 0}
                  <Tag bordered={false} style={{ marginLeft: 6 }}>
                    已保存
                  </Tag>
                </Typography.Text>
              ),
          },
        ]),
  ];

  return (
    <div>
      {rows.length > 1 && (
        <Flex
          gap={8}
          align="center"
          wrap
          style={{ marginBottom: 12, padding: '10px 12px', background: '#f8fafc', borderRadius: 8 }}
          data-testid="sku-batch-bar"
        >
          <Typography.Text type="secondary">批量填充：</Typography.Text>
          <InputNumber
            {...YUAN_INPUT}
            placeholder="售价"
            value={batch.priceYuan ?? null}
            onChange={(v) => setBatch({ ...batch, priceYuan: v })}
            style={{ width: 120 }}
            data-testid="sku-batch-price"
          />
          <InputNumber
            {...YUAN_INPUT}
            placeholder="成本"
            value={batch.costYuan ?? null}
            onChange={(v) => setBatch({ ...batch, costYuan: v })}
            style={{ width: 120 }}
            data-testid="sku-batch-cost"
          />
          {!bundle && (
            <>
              <InputNumber
                min={0}
                precision={0}
                placeholder="预警库存"
                value={batch.lowStockThreshold ?? null}
                onChange={(v) => setBatch({ ...batch, lowStockThreshold: v })}
                style={{ width: 110 }}
              />
              {anyNew && canBookStock && (
                <InputNumber
                  min={0}
                  precision={0}
                  placeholder="初始库存"
                  value={batch.initialStock ?? null}
                  onChange={(v) => setBatch({ ...batch, initialStock: v })}
                  style={{ width: 110 }}
                  data-testid="sku-batch-stock"
                />
              )}
            </>
          )}
          <Button
            type="primary"
            ghost
            disabled={Object.values(batch).every((v) => v === null || v === undefined)}
            onClick={() => {
              onChange(batchFill(rows, batch));
              setBatch({});
            }}
            data-testid="sku-batch-apply"
          >
            应用到全部 {rows.length} 个规格
          </Button>
        </Flex>
      )}
      <Table<SkuRow>
        rowKey={(row) => rowKey(row.specValues)}
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="sku-matrix"
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="为每个规格维度添加至少一个值后生成规格表"
            />
          ),
        }}
      />
    </div>
  );
}

function Required({ children }: { children: string }) {
  return (
    <span>
      <span style={{ color: '#ef4444', marginRight: 2 }}>*</span>
      {children}
    </span>
  );
}
