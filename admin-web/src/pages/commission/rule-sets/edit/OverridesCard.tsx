import { Button, Card, Empty, Form, InputNumber, Select, Table, Typography } from 'antd';
import type { FormListFieldData, TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CommissionOverride } from '@linli/shared-types';
import { OVERRIDE_MODE_LABELS, OVERRIDE_TARGET_LABELS } from '../../../../labels/commission';
import { EMPTY_OVERRIDE, type OverrideRow } from '../../rules-form';
import { FIXED_YUAN_INPUT, RATE_INPUT, required } from './inputs';
import { TargetSelect } from './TargetSelect';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = options<CommissionOverride['targetKind']>(OVERRIDE_TARGET_LABELS);
const MODE_OPTIONS = options<CommissionOverride['mode']>(OVERRIDE_MODE_LABELS);

/**
 * 商品 / 分类覆盖: a rate or a fixed amount per unit instead of the level rate. A product's override wins over
 * its category's.
 */
export function OverridesCard({ editable }: { editable: boolean }) {
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('overrides', form) as OverrideRow[] | undefined) ?? [];

  return (
    <Card
      variant="borderless"
      title="商品 / 分类单独比例"
      extra={<Typography.Text type="secondary">商品的设置优先于其分类</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      <Form.List name="overrides">
        {(fields, { add, remove }, { errors }) => {
          const columns: TableColumnsType<FormListFieldData> = [
            {
              title: '对象',
              key: 'kind',
              width: 100,
              render: (_, field) => (
                <Form.Item name={[field.name, 'targetKind']} style={{ marginBottom: 0 }}>
                  <Select
                    options={KIND_OPTIONS}
                    // Another kind means another id space: the old pick would point at something else.
                    onChange={() => form.setFieldValue(['overrides', field.name, 'targetId'], null)}
                    data-testid="override-kind"
                  />
                </Form.Item>
              ),
            },
            {
              title: '商品 / 分类',
              key: 'target',
              render: (_, field) => (
                <Form.Item
                  name={[field.name, 'targetId']}
                  rules={required(rows[field.name]?.targetKind === 'category' ? '请选择分类' : '请选择商品')}
                  style={{ marginBottom: 0 }}
                >
                  <TargetSelect kind={rows[field.name]?.targetKind ?? 'product'} />
                </Form.Item>
              ),
            },
            {
              title: '方式',
              key: 'mode',
              width: 120,
              render: (_, field) => (
                <Form.Item name={[field.name, 'mode']} style={{ marginBottom: 0 }}>
                  <Select options={MODE_OPTIONS} data-testid="override-mode" />
                </Form.Item>
              ),
            },
            {
              title: '比例 / 每件金额',
              key: 'value',
              width: 170,
              render: (_, field) =>
                rows[field.name]?.mode === 'fixed' ? (
                  <Form.Item
                    name={[field.name, 'fixedYuan']}
                    rules={required('请输入每件金额')}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      {...FIXED_YUAN_INPUT}
                      suffix="/件"
                      style={{ width: '100%' }}
                      data-testid="override-fixed"
                    />
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={[field.name, 'ratePercent']}
                    rules={required('请输入比例')}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber {...RATE_INPUT} style={{ width: '100%' }} data-testid="override-rate" />
                  </Form.Item>
                ),
            },
            ...(editable
              ? [
                  {
                    title: '',
                    key: 'remove',
                    width: 48,
                    render: (_: unknown, field: FormListFieldData) => (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="删除"
                        onClick={() => remove(field.name)}
                        data-testid="override-remove"
                      />
                    ),
                  },
                ]
              : []),
          ];
          return (
            <>
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={fields}
                pagination={false}
                tableLayout="fixed"
                scroll={{ x: 640 }}
                data-testid="overrides"
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description="没有单独比例：所有商品按团长等级比例计佣"
                    />
                  ),
                }}
              />
              <Form.ErrorList errors={errors} />
              {editable && (
                <Button
                  icon={<PlusOutlined />}
                  style={{ marginTop: 12 }}
                  onClick={() => add({ ...EMPTY_OVERRIDE })}
                  data-testid="override-add"
                >
                  添加单独比例
                </Button>
              )}
            </>
          );
        }}
      </Form.List>
    </Card>
  );
}
