import { useState } from 'react';
import { App, Button, InputNumber, Space, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InventorySkuView } from '@linli/shared-types';
import { describeError } from '../../api';
import { inventoryKeys, setThreshold } from './service';

/** The low-stock threshold, edited in place (Enter saves, Esc cancels). */
export function ThresholdCell({ sku, editable }: { sku: InventorySkuView; editable: boolean }) {
  const [draft, setDraft] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (value: number) => setThreshold(sku.skuId, value),
    onSuccess: () => {
      setDraft(null);
      void message.success('预警值已更新');
      void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
    },
    onError: (error) => void message.error(describeError(error)),
  });

  if (draft === null) {
    return (
      <Space size={4}>
        <span data-testid="threshold-value">{sku.lowStockThreshold}</span>
        {editable && (
          <Tooltip title="修改预警值">
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDraft(sku.lowStockThreshold)}
              data-testid="threshold-edit"
            />
          </Tooltip>
        )}
      </Space>
    );
  }
  return (
    <Space size={2}>
      <InputNumber
        size="small"
        min={0}
        max={1_000_000}
        precision={0}
        autoFocus
        value={draft}
        style={{ width: 70 }}
        onChange={(v) => setDraft(v ?? 0)}
        onPressEnter={() => save.mutate(draft)}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
        data-testid="threshold-input"
      />
      <Button
        type="text"
        size="small"
        icon={<CheckOutlined />}
        loading={save.isPending}
        onClick={() => save.mutate(draft)}
        aria-label="保存"
        data-testid="threshold-save"
      />
      <Button
        type="text"
        size="small"
        icon={<CloseOutlined />}
        onClick={() => setDraft(null)}
        aria-label="取消"
      />
    </Space>
  );
}
