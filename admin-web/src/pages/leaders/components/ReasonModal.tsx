import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { isApiError } from '../../../api';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { REASON_MAX, isStaleLeaderError, reasonProblem } from '../service';
import type { LeaderActionVariables } from './useLeaderActions';

export interface ReasonTarget {
  leader: { id: number; name: string };
  action: 'reject' | 'suspend';
}

interface Props {
  target: ReasonTarget | null;
  submitting: boolean;
  submit: (variables: LeaderActionVariables) => Promise<unknown>;
  onClose: () => void;
}

const COPY = {
  reject: {
    title: '拒绝团长申请',
    hint: '拒绝原因会展示给申请人，对方可按原因修改后重新申请。',
    placeholder: '例如：自提点地址不完整，请补充门牌号后重新申请',
    ok: '确认拒绝',
  },
  suspend: {
    title: '停用团长',
    hint: '停用后该团长的自提点立即停止接单，已绑定的顾客保持不变；停用原因会展示给团长。',
    placeholder: '例如：连续两周未按时开门提货，经沟通后暂停合作',
    ok: '确认停用',
  },
} as const;

/** Reject or suspend: both need a reason (2–200 characters) that the applicant/leader will read. */
export function ReasonModal({ target, submitting, submit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { showFormError } = useApiFeedback();

  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);

  const copy = COPY[target?.action ?? 'reject'];

  const onFinish = async ({ reason }: { reason: string }) => {
    if (!target) return;
    try {
      await submit({ ...target, reason: reason.trim(), formShowsFieldErrors: true });
      onClose();
    } catch (error) {
      // The hook already explained a stale state (and reloaded); the form has nothing left to do.
      if (isStaleLeaderError(error)) onClose();
      else if (isApiError(error) && error.body.fields?.length) showFormError(form, error, ['reason']);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={target ? `${copy.title} · ${target.leader.name}` : copy.title}
      okText={copy.ok}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'leader-reason-submit' } }}
      forceRender
      maskClosable={false}
    >
      <Alert type="warning" showIcon style={{ margin: '16px 0' }} message={copy.hint} />
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        name="leader-reason-form"
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = reasonProblem(value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
          required
        >
          <Input.TextArea
            rows={4}
            maxLength={REASON_MAX}
            showCount
            placeholder={copy.placeholder}
            data-testid="leader-reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
