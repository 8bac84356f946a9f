import { useEffect } from 'react';
import { Col, Divider, Form, Input, InputNumber, Modal, Row, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type LeaderLevel } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import {
  createLevel,
  fromLevelForm,
  keepProblems,
  levelKeys,
  toLevelForm,
  updateLevel,
  type LevelFormValues,
} from '../levels-service';

interface Props {
  open: boolean;
  /** Editing this level; null creates one. */
  level: LeaderLevel | null;
  /** Suggested rank of a new level. */
  suggestedRank: number;
  /** The lowest level's thresholds are ignored by the evaluation: say so. */
  isLowest: boolean;
  onClose: () => void;
}

const CODE_TO_FIELD = { [ErrorCode.LEADER_LEVEL_DUPLICATE]: 'name' };
/** Server field paths → form fields. */
const FORM_FIELDS = [
  'name',
  'rank',
  'commissionRatePercent',
  'upgradeMinGmvYuan',
  'upgradeMinActiveCustomers',
  'keepMinGmvYuan',
  'keepMinActiveCustomers',
];

const money = { min: 0, max: 100_000_000, precision: 2, prefix: '¥', style: { width: '100%' } } as const;
const people = { min: 0, max: 1_000_000, precision: 0, suffix: '人', style: { width: '100%' } } as const;

export function LevelModal({ open, level, suggestedRank, isLowest, onClose }: Props) {
  const [form] = Form.useForm<LevelFormValues>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toLevelForm(level, suggestedRank));
    }
  }, [open, level, suggestedRank, form]);

  const save = useMutation({
    mutationFn: (values: LevelFormValues) => {
      const input = fromLevelForm(values);
      return level ? updateLevel(level.id, input) : createLevel(input);
    },
    onSuccess: (saved) => {
      void message.success(level ? `已保存「${saved.name}」` : `已创建「${saved.name}」`);
      void queryClient.invalidateQueries({ queryKey: levelKeys.all });
      onClose();
    },
    onError: (error) => showFormError(form, error, FORM_FIELDS, CODE_TO_FIELD),
  });

  const keepRule = (field: 'keepMinGmvYuan' | 'keepMinActiveCustomers') => ({
    validator: () => {
      const problem = keepProblems(form.getFieldsValue())[field];
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  });

  return (
    <Modal
      open={open}
      title={level ? `编辑等级 · ${level.name}` : '新建等级'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'level-submit' } }}
      width={620}
      forceRender
      maskClosable={false}
    >
      <Form<LevelFormValues>
        form={form}
        layout="vertical"
        name="leader-level-form"
        requiredMark={false}
        onFinish={(values) => save.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item
              name="name"
              label="等级名称"
              rules={[
                { required: true, whitespace: true, message: '请输入等级名称' },
                { max: 16, message: '等级名称最长 16 个字' },
              ]}
            >
              <Input placeholder="如：钻石团长" maxLength={16} showCount data-testid="level-name" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="rank"
              label="排序"
              tooltip="1–99，越大等级越高，不可重复"
              rules={[{ required: true, message: '请输入排序' }]}
            >
              <InputNumber
                min={1}
                max={99}
                precision={0}
                style={{ width: '100%' }}
                data-testid="level-rank"
              />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item
              name="commissionRatePercent"
              label="默认佣金比例"
              rules={[{ required: true, message: '请输入佣金比例' }]}
            >
              <InputNumber
                min={0}
                max={100}
                precision={2}
                step={0.5}
                suffix="%"
                style={{ width: '100%' }}
                data-testid="level-rate"
              />
            </Form.Item>
          </Col>
        </Row>
        {isLowest && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            这是最低等级：新团长从此等级起步，自动评估不会把团长降到更低，下面的门槛对它不生效。
          </Typography.Paragraph>
        )}
        <Divider orientation="left" plain style={{ margin: '4px 0 12px' }}>
          升级门槛（近30天，需同时达到）
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="upgradeMinGmvYuan"
              label="GMV 不低于"
              dependencies={['keepMinGmvYuan']}
              rules={[{ required: true, message: '请输入升级GMV' }]}
            >
              <InputNumber {...money} data-testid="level-upgrade-gmv" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="upgradeMinActiveCustomers"
              label="活跃客户不少于"
              dependencies={['keepMinActiveCustomers']}
              rules={[{ required: true, message: '请输入升级活跃客户数' }]}
            >
              <InputNumber {...people} data-testid="level-upgrade-customers" />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain style={{ margin: '4px 0 12px' }}>
          保级门槛（任一不达标，降一级）
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="keepMinGmvYuan"
              label="GMV 不低于"
              dependencies={['upgradeMinGmvYuan']}
              rules={[{ required: true, message: '请输入保级GMV' }, keepRule('keepMinGmvYuan')]}
            >
              <InputNumber {...money} data-testid="level-keep-gmv" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="keepMinActiveCustomers"
              label="活跃客户不少于"
              dependencies={['upgradeMinActiveCustomers']}
              rules={[
                { required: true, message: '请输入保级活跃客户数' },
                keepRule('keepMinActiveCustomers'),
              ]}
            >
              <InputNumber {...people} data-testid="level-keep-customers" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
