import { Card, Col, Form, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ReferralRule } from '@linli/shared-types';
import { REFERRAL_BASE_LABELS } from '../../../../labels/commission';
import { LIMITS } from '../../rules-form';
import { BONUS_RATE_INPUT, FIXED_YUAN_INPUT, required } from './inputs';

const BASE_OPTIONS = (Object.entries(REFERRAL_BASE_LABELS) as [ReferralRule['base'], string][]).map(
  ([value, label]) => ({ value, label }),
);

/** A card whose content counts only while its switch (`<part>.enabled`) is on. */
function OptionalPart({
  part,
  title,
  off,
  testId,
  children,
}: {
  part: 'referral' | 'recruitmentReward';
  title: string;
  off: string;
  testId: string;
  children: ReactNode;
}) {
  const enabled = Form.useWatch([part, 'enabled'], Form.useFormInstance()) as boolean | undefined;
  return (
    <Card
      variant="borderless"
      title={title}
      extra={
        <Form.Item name={[part, 'enabled']} valuePropName="checked" noStyle>
          <Switch checkedChildren="开启" unCheckedChildren="关闭" data-testid={testId} />
        </Form.Item>
      }
      style={{ marginBottom: 16 }}
    >
      {enabled ? children : <Typography.Text type="secondary">{off}</Typography.Text>}
    </Card>
  );
}

/** 推荐奖励: the recruiting leader (一级) and their recruiter (二级) earn on a downline's completed orders. */
export function ReferralCard() {
  return (
    <OptionalPart
      part="referral"
      title="推荐奖励"
      off="未开启：上级团长不从下级的订单中获得奖励。"
      testId="referral-enabled"
    >
      <Form.Item name={['referral', 'base']} label="奖励基数">
        <Radio.Group optionType="button" options={BASE_OPTIONS} data-testid="referral-base" />
      </Form.Item>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['referral', 'level1Percent']}
            label="一级（直接推荐人）比例"
            rules={required('请输入一级比例')}
          >
            <InputNumber {...BONUS_RATE_INPUT} style={{ width: 180 }} data-testid="referral-level1" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['referral', 'level2Percent']}
            label="二级（推荐人的上级）比例"
            rules={required('请输入二级比例')}
          >
            <InputNumber {...BONUS_RATE_INPUT} style={{ width: 180 }} data-testid="referral-level2" />
          </Form.Item>
        </Col>
      </Row>
    </OptionalPart>
  );
}

/** 招募奖励: a one-off amount to the recruiter when a new leader completes their N-th order. */
export function RecruitmentCard() {
  return (
    <OptionalPart
      part="recruitmentReward"
      title="招募奖励"
      off="未开启：推荐新团长没有一次性奖励。"
      testId="recruit-enabled"
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['recruitmentReward', 'afterOrders']}
            label="新团长完成订单数达到"
            rules={required('请输入订单数')}
          >
            <InputNumber
              min={1}
              max={LIMITS.maxAfterOrders}
              precision={0}
              addonAfter="单"
              style={{ width: 180 }}
              data-testid="recruit-after-orders"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['recruitmentReward', 'rewardYuan']}
            label="奖励推荐人"
            rules={required('请输入奖励金额')}
          >
            <InputNumber {...FIXED_YUAN_INPUT} style={{ width: 180 }} data-testid="recruit-reward" />
          </Form.Item>
        </Col>
      </Row>
    </OptionalPart>
  );
}
