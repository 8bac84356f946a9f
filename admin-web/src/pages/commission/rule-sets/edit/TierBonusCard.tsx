import { Button, Card, Flex, Form, InputNumber, Radio, Switch, Table, Typography } from 'antd';
import type { FormListFieldData, TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TierBonusRule } from '@linli/shared-types';
import { TIER_MODE_HINTS, TIER_MODE_LABELS } from '../../../../labels/commission';
import { EMPTY_TIER, LIMITS, type TierRow } from '../../rules-form';
import { BONUS_RATE_INPUT, THRESHOLD_YUAN_INPUT, required } from './inputs';

const MODE_OPTIONS = (Object.entries(TIER_MODE_LABELS) as [TierBonusRule['mode'], string][]).map(
  ([value, label]) => ({ value, label }),
);

/** 月度阶梯奖励: extra rates once a leader's month GMV reaches thresholds, settled at month end. */
export function TierBonusCard({ editable }: { editable: boolean }) {
  const form = Form.useFormInstance();
  const enabled = Form.useWatch(['tierBonus', 'enabled'], form) as boolean | undefined;
  const mode =
    (Form.useWatch(['tierBonus', 'mode'], form) as TierBonusRule['mode'] | undefined) ?? 'whole_month';

  const onToggle = (on: boolean) => {
    const tiers = form.getFieldValue(['tierBonus', 'tiers']) as TierRow[] | undefined;
    // Switching on with nothing typed yet: start with one row to fill in.
    if (on && !tiers?.length) form.setFieldValue(['tierBonus', 'tiers'], [{ ...EMPTY_TIER }]);
  };

  return (
    <Card
      variant="borderless"
      title="月度阶梯奖励"
      extra={
        <Form.Item name={['tierBonus', 'enabled']} valuePropName="checked" noStyle>
          <Switch
            checkedChildren="开启"
            unCheckedChildren="关闭"
            onChange={onToggle}
            data-testid="tier-enabled"
          />
        </Form.Item>
      }
      style={{ marginBottom: 16 }}
    >
      {!enabled ? (
        <Typography.Text type="secondary">未开启：团长只按订单佣金计佣，没有月度GMV奖励。</Typography.Text>
      ) : (
        <>
          <Form.Item name={['tierBonus', 'mode']} label="计算方式" extra={TIER_MODE_HINTS[mode]}>
            <Radio.Group optionType="button" options={MODE_OPTIONS} data-testid="tier-mode" />
          </Form.Item>
          <Form.List name={['tierBonus', 'tiers']}>
            {(fields, { add, remove }, { errors }) => {
              const columns: TableColumnsType<FormListFieldData> = [
                {
                  title: '档位',
                  key: 'index',
                  width: 64,
                  render: (_, field) => `第 ${field.name + 1} 档`,
                },
                {
                  title: '本月GMV达到',
                  key: 'threshold',
                  render: (_, field) => (
                    <Form.Item
                      name={[field.name, 'thresholdYuan']}
                      rules={required('请输入门槛')}
                      style={{ marginBottom: 0 }}
                    >
                      <InputNumber
                        {...THRESHOLD_YUAN_INPUT}
                        style={{ width: '100%' }}
                        data-testid="tier-threshold"
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: '额外奖励比例',
                  key: 'rate',
                  width: 170,
                  render: (_, field) => (
                    <Form.Item
                      name={[field.name, 'ratePercent']}
                      rules={required('请输入比例')}
                      style={{ marginBottom: 0 }}
                    >
                      <InputNumber {...BONUS_RATE_INPUT} style={{ width: '100%' }} data-testid="tier-rate" />
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
                            aria-label="删除档位"
                            onClick={() => remove(field.name)}
                            data-testid="tier-remove"
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
                    data-testid="tiers"
                    locale={{ emptyText: '还没有档位' }}
                  />
                  <Form.ErrorList errors={errors} />
                  {editable && (
                    <Flex align="center" gap={12} style={{ marginTop: 12 }}>
                      <Button
                        icon={<PlusOutlined />}
                        disabled={fields.length >= LIMITS.maxTiers}
                        onClick={() => add({ ...EMPTY_TIER })}
                        data-testid="tier-add"
                      >
                        添加档位
                      </Button>
                      <Typography.Text type="secondary">
                        门槛从低到高填写，最多 {LIMITS.maxTiers} 档
                      </Typography.Text>
                    </Flex>
                  )}
                </>
              );
            }}
          </Form.List>
        </>
      )}
    </Card>
  );
}
