import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { formatFen, type WithdrawalView } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { REASON_MAX, reasonProblem } from '../../orders/service';
import { isStaleWithdrawalError } from '../withdrawals-query';
import type { WithdrawalActionVariables } from './useWithdrawalAction';

export interface ReasonTarget {
  withdrawal: WithdrawalView;
  action: 'reject' | 'markFailed';
}

const COPY = {
  reject: {
    title: '驳回提现',
    hint: '驳回后金额退回团长的可提现余额，原因会展示给团长。',
    placeholder: '如：银行卡户名与团长实名不一致，请修改后重新申请',
    ok: '确认驳回',
  },
  markFailed: {
    title: '标记打款失败',
    hint: '标记失败后金额退回团长的可提现余额，团长可修改收款账户后重新申请；原因会展示给团长。',
    placeholder: '如：银行退票，账号不存在',
    ok: '确认标记失败',
  },
} as const;

/** 驳回 / 标记失败: both need a reason (2–100 characters) that the leader will read. */
export function WithdrawalReasonModal({
  target,
  submitting,
  submit,
  onClose,
}: {
  target: ReasonTarget | null;
  submitting: boolean;
  submit: (variables: WithdrawalActionVariables) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { showFormError } = useApiFeedback();
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const copy = COPY[target?.action ?? 'reject'];

  const onFinish = async ({ reason }: { reason: string }) => {
    if (!target) return;
    try {
      await submit({ ...target, reason: reason.trim() });
      onClose();
    } catch (error) {
      // The action hook already explained a stale state and reloaded the list.
      if (isStaleWithdrawalError(error)) onClose();
      else showFormError(form, error, ['reason']);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={
        target
          ? `${copy.title} · ${target.withdrawal.leaderName} ${formatFen(target.withdrawal.amount)}`
          : copy.title
      }
      okText={copy.ok}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'withdrawal-reason-submit' } }}
      forceRender
      maskClosable={false}
      data-testid="withdrawal-reason-modal"
    >
      <Alert type="warning" showIcon style={{ margin: '16px 0' }} message={copy.hint} />
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        name="withdrawal-reason-form"
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item
          name="reason"
          label="原因"
          required
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = reasonProblem(value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            rows={3}
            maxLength={REASON_MAX}
            showCount
            placeholder={copy.placeholder}
            data-testid="withdrawal-reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
