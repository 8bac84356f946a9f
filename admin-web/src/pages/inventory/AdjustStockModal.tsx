import { useEffect, useMemo, useState } from 'react';
import { Alert, Descriptions, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InventorySkuView, ManualMovementKind } from '@linli/shared-types';
import { useApiFeedback } from '../../components/useApiFeedback';
import { newRequestId } from '../../utils/request-id';
import { catalogKeys } from '../catalog/service';
import { adjustStock, inventoryKeys, MANUAL_KINDS, previewAdjustment, signed } from './service';

interface Props {
  sku: InventorySkuView | null;
  onClose: () => void;
}

interface FormValues {
  kind: ManualMovementKind;
  quantity: number | null;
  reason: string;
}

const FORM_FIELDS = ['kind', 'quantity', 'reason'];
const CODE_TO_FIELD = { INVENTORY_INSUFFICIENT_STOCK: 'quantity' };

/** 调整库存: one manual movement with a required reason; a retry of the same dialog is idempotent. */
export function AdjustStockModal({ sku, onClose }: Props) {
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const kind = Form.useWatch('kind', form) ?? 'inbound';
  const quantity = Form.useWatch('quantity', form) ?? null;
  // One id per opened dialog: pressing 确定 again after a lost answer cannot book twice.
  const [requestId, setRequestId] = useState(newRequestId);

  useEffect(() => {
    if (!sku) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'inbound', quantity: null, reason: '' });
    setRequestId(newRequestId());
  }, [sku, form]);

  const preview = useMemo(
    () => (sku ? previewAdjustment(kind, quantity, sku.stock) : null),
    [sku, kind, quantity],
  );

  const save = useMutation({
    mutationFn: (values: FormValues) =>
      adjustStock({
        skuId: sku!.skuId,
        kind: values.kind,
        quantity: values.quantity ?? 0,
        reason: values.reason.trim(),
        requestId,
      }),
    onSuccess: (result) => {
      void message.success(
        `已登记${MANUAL_KINDS.find((k) => k.value === result.movement.kind)?.label ?? ''}，可售库存 ${result.sku.stock}`,
      );
      void queryClient.invalidateQueries({ queryKey: inventoryKeys.all });
      void queryClient.invalidateQueries({ queryKey: catalogKeys.all });
      onClose();
    },
    onError: (error) => showFormError(form, error, FORM_FIELDS, CODE_TO_FIELD),
  });

  const isCount = kind === 'count';
  return (
    <Modal
      open={sku !== null}
      title="调整库存"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      cancelText="取消"
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: Boolean(preview?.problem), ...{ 'data-testid': 'adjust-submit' } }}
      forceRender
      maskClosable={false}
      width={520}
    >
      {sku && (
        <Descriptions
          size="small"
          column={2}
          style={{ margin: '12px 0 16px' }}
          items={[
            { key: 'p', label: '商品', children: `${sku.productName}（${sku.specText}）`, span: 2 },
            {
              key: 's',
              label: '可售库存',
              children: <span data-testid="adjust-current-stock">{sku.stock}</span>,
            },
            { key: 'r', label: '已占用', children: sku.reserved },
          ]}
        />
      )}
      <Form<FormValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label="类型">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={MANUAL_KINDS.map((k) => ({ value: k.value, label: k.label }))}
            data-testid="adjust-kind"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>
          {MANUAL_KINDS.find((k) => k.value === kind)?.hint}
        </Typography.Paragraph>
        <Form.Item
          name="quantity"
          label={isCount ? '盘点数量（实际可售）' : '数量'}
          rules={[{ required: true, message: isCount ? '请输入清点出的数量' : '请输入数量' }]}
        >
          <InputNumber
            min={isCount ? 0 : 1}
            max={1_000_000}
            precision={0}
            style={{ width: 200 }}
            addonAfter="件"
            data-testid="adjust-quantity"
          />
        </Form.Item>
        {preview && (
          <Alert
            type={preview.problem ? 'error' : preview.delta === 0 ? 'info' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="adjust-preview"
            message={
              preview.problem ??
              (isCount
                ? `差异 ${signed(preview.delta)} 件，盘点后可售库存 ${preview.stockAfter}`
                : `可售库存 ${sku?.stock} → ${preview.stockAfter}（${signed(preview.delta)}）`)
            }
          />
        )}
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { max: 200, message: '最长 200 个字' },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={isCount ? '如：月末盘点' : '如：供应商到货、运输破损'}
            data-testid="adjust-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
