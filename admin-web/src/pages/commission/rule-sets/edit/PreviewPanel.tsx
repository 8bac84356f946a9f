import { useState } from 'react';
import { Button, Card, Divider, Flex, Form, InputNumber, Space, Typography } from 'antd';
import { CalculatorOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ErrorCode, type CommissionRules } from '@linli/shared-types';
import { isApiError } from '../../../../api';
import { ActiveLeaderSelect } from '../../../../components/ActiveLeaderSelect';
import { SkuPickerModal } from '../../../../components/SkuPickerModal';
import { useApiFeedback } from '../../../../components/useApiFeedback';
import { usePermission } from '../../../../session/hooks';
import { YUAN_INPUT } from '../../../../utils/money';
import { renameErrorFields } from '../../field-errors';
import {
  MAX_PREVIEW_LINES,
  PREVIEW_FORM_FIELDS,
  lineFromSku,
  previewFieldOf,
  toPreviewRequest,
  type PreviewFormValues,
  type PreviewLineRow,
} from '../../preview-form';
import { previewCommission } from '../../service';
import { PreviewResult } from './PreviewResult';
import { required } from './inputs';

const INITIAL: PreviewFormValues = { lines: [], monthGmvYuan: null };

/** The error is about the rules (the editor shows it), not about the sample order. */
function isRulesError(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === ErrorCode.COMMISSION_RULES_INVALID ||
      (error.body.fields ?? []).some((f) => f.field === 'rules' || f.field.startsWith('rules.')))
  );
}

/**
 * 试算: the commission of a sample order under the rules as they are in the form now (saved or not), for a
 * leader, SKUs with quantity and price, and optionally the month's GMV so far. Nothing is written.
 */
export function PreviewPanel({
  readRules,
  onRulesError,
}: {
  /** The editor's rules after its own validation; null when the form has problems to fix first. */
  readRules: () => Promise<CommissionRules | null>;
  onRulesError: (error: unknown) => void;
}) {
  const [form] = Form.useForm<PreviewFormValues>();
  const { message, showFormError } = useApiFeedback();
  const canPickSku = usePermission('catalog.read');
  const [picking, setPicking] = useState(false);
  const lines = (Form.useWatch('lines', form) as PreviewLineRow[] | undefined) ?? [];

  const preview = useMutation({
    mutationFn: previewCommission,
    onError: (error) => {
      if (isRulesError(error)) onRulesError(error);
      else showFormError(form, renameErrorFields(error, previewFieldOf), PREVIEW_FORM_FIELDS);
    },
  });

  const run = async () => {
    const rules = await readRules();
    if (!rules) {
      void message.warning('方案中有未填写或有误的项，请先修正再试算');
      return;
    }
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (valid) preview.mutate(toPreviewRequest(rules, form.getFieldsValue(true) as PreviewFormValues));
  };

  const addLines = (rows: PreviewLineRow[]) =>
    form.setFieldValue('lines', [...lines, ...rows].slice(0, MAX_PREVIEW_LINES));

  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <CalculatorOutlined />
          试算
        </Space>
      }
      extra={<Typography.Text type="secondary">按表单中当前的规则计算，不会保存</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="preview-panel"
    >
      <Form<PreviewFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        name="commission-preview-form"
        initialValues={INITIAL}
      >
        <Form.Item name="leaderId" label="团长" rules={required('请选择团长')}>
          <ActiveLeaderSelect data-testid="preview-leader" />
        </Form.Item>
        <Form.List
          name="lines"
          rules={[
            {
              validator: (_, value: PreviewLineRow[] | undefined) =>
                value?.length ? Promise.resolve() : Promise.reject(new Error('请至少添加一个商品')),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label="商品" required>
              <Flex vertical gap={8} data-testid="preview-lines">
                {fields.map((field) => {
                  const line = lines[field.name];
                  return (
                    <div key={field.key} data-testid="preview-line">
                      {line?.label ? (
                        <Typography.Text ellipsis={{ tooltip: line.label }} style={{ display: 'block' }}>
                          {line.label}
                        </Typography.Text>
                      ) : (
                        <Form.Item
                          name={[field.name, 'skuId']}
                          rules={required('请输入规格 ID')}
                          style={{ marginBottom: 4 }}
                        >
                          <InputNumber
                            min={1}
                            precision={0}
                            placeholder="规格 ID"
                            style={{ width: '100%' }}
                            data-testid="preview-line-sku"
                          />
                        </Form.Item>
                      )}
                      <Flex gap={8} align="flex-start">
                        <Form.Item
                          name={[field.name, 'quantity']}
                          rules={required('请输入数量')}
                          style={{ marginBottom: 0, flex: '0 0 110px' }}
                        >
                          <InputNumber
                            min={1}
                            max={9999}
                            precision={0}
                            addonAfter="件"
                            data-testid="preview-line-quantity"
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'unitPriceYuan']}
                          rules={required('请输入单价')}
                          style={{ marginBottom: 0, flex: 1 }}
                        >
                          <InputNumber
                            {...YUAN_INPUT}
                            placeholder="单价"
                            style={{ width: '100%' }}
                            data-testid="preview-line-price"
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label="移除"
                          onClick={() => remove(field.name)}
                          data-testid="preview-line-remove"
                        />
                      </Flex>
                    </div>
                  );
                })}
                {fields.length < MAX_PREVIEW_LINES && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() =>
                      canPickSku
                        ? setPicking(true)
                        : add({ skuId: null, label: null, quantity: 1, unitPriceYuan: null })
                    }
                    data-testid="preview-add-sku"
                  >
                    {canPickSku ? '添加商品' : '添加规格'}
                  </Button>
                )}
                <Form.ErrorList errors={errors} />
              </Flex>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="monthGmvYuan"
          label="本月已完成 GMV"
          tooltip="用于判断适用的阶梯档位；不填则取该团长本月实际GMV"
        >
          <InputNumber
            {...YUAN_INPUT}
            max={100_000_000}
            placeholder="不填则取实际值"
            style={{ width: '100%' }}
            data-testid="preview-month-gmv"
          />
        </Form.Item>
        <Button
          type="primary"
          block
          icon={<CalculatorOutlined />}
          loading={preview.isPending}
          onClick={() => void run()}
          data-testid="preview-run"
        >
          试算佣金
        </Button>
      </Form>
      {preview.data && (
        <>
          <Divider style={{ margin: '20px 0 16px' }} />
          <PreviewResult preview={preview.data} />
        </>
      )}
      <SkuPickerModal
        open={picking}
        title="选择试算商品"
        chosenIds={lines.flatMap((l) => (l.skuId ? [l.skuId] : []))}
        onClose={() => setPicking(false)}
        onPick={(items) => addLines(items.map(lineFromSku))}
      />
    </Card>
  );
}
