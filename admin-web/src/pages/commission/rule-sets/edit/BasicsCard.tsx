import { Card, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { COMMISSION_BASIS_LABELS, type CommissionBasis } from '@linli/shared-types';
import { LIMITS } from '../../rules-form';
import { RATE_INPUT, required } from './inputs';

const BASIS_OPTIONS = (Object.entries(COMMISSION_BASIS_LABELS) as [CommissionBasis, string][]).map(
  ([value, label]) => ({ value, label }),
);

/** Name, what rates apply to, the default rate and the after-sales freeze. */
export function BasicsCard() {
  return (
    <Card variant="borderless" title="基本设置" style={{ marginBottom: 16 }}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label="方案名称"
            rules={[
              { required: true, whitespace: true, message: '请输入方案名称' },
              { max: 40, message: '最长 40 个字' },
            ]}
          >
            <Input maxLength={40} showCount placeholder="如：2027 春季佣金方案" data-testid="rule-set-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="basis"
            label="计佣基数"
            tooltip="按毛利 = 实付金额 − 成本 × 件数（不低于 0），成本取订单完成时的商品成本"
            rules={required('请选择计佣基数')}
          >
            <Radio.Group optionType="button" options={BASIS_OPTIONS} data-testid="rule-set-basis" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="defaultRatePercent"
            label="默认佣金比例"
            extra="未设置等级比例的团长（或未定级的团长）按此比例计佣"
            rules={required('请输入默认佣金比例')}
          >
            <InputNumber {...RATE_INPUT} style={{ width: 180 }} data-testid="rule-set-default-rate" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="frozenDays"
            label="冻结天数"
            extra="订单完成后佣金冻结的售后期，期满自动转为可提现"
            rules={required('请输入冻结天数')}
          >
            <InputNumber
              min={0}
              max={LIMITS.maxFrozenDays}
              precision={0}
              addonAfter="天"
              style={{ width: 180 }}
              data-testid="rule-set-frozen-days"
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
