import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberDetail } from '@linli/shared-types';
import { ActiveLeaderSelect } from '../../../components/ActiveLeaderSelect';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { REASON_MAX, reasonProblem } from '../../leaders/service';
import { MOVE_CODE_TO_FIELD, isMemberGoneError, memberKeys, moveMember } from '../service';

interface Values {
  toLeaderId?: number;
  reason: string;
}

interface Props {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}

const reasonRule = {
  validator: (_: unknown, value: string | undefined) => {
    const problem = reasonProblem(value);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

/** 调整团长: moves one member to another active leader's pickup point; the reason goes into the history. */
export function MoveMemberModal({ member, open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const move = useMutation({
    mutationFn: ({ toLeaderId, reason }: Required<Values>) => moveMember(member.id, { toLeaderId, reason }),
    onSuccess: (detail) => {
      queryClient.setQueryData(memberKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
      void message.success(`已将 ${detail.nickname} 调整到 ${detail.currentLeaderName ?? '新团长'}`);
      onClose();
    },
    onError: (error) => {
      if (isMemberGoneError(error)) {
        void message.error('该会员已不存在');
        void queryClient.invalidateQueries({ queryKey: memberKeys.all });
        onClose();
        return;
      }
      showFormError(form, error, ['toLeaderId', 'reason'], MOVE_CODE_TO_FIELD);
    },
  });

  const disabledIds: Partial<Record<number, string>> =
    member.currentLeaderId !== null ? { [member.currentLeaderId]: '当前团长' } : {};

  return (
    <Modal
      open={open}
      title={`调整团长 · ${member.nickname}`}
      okText="确认调整"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={{ ...{ 'data-testid': 'member-move-submit' } }}
      forceRender
      maskClosable={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ margin: '16px 0' }}
        message={`当前团长：${member.currentLeaderName ?? '未绑定'}`}
        description="调整后该会员在新团长的自提点下单、提货；来源渠道和首次团长保持不变，本次调整会记入绑定记录。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        name="member-move-form"
        onFinish={(values) => move.mutate({ toLeaderId: values.toLeaderId!, reason: values.reason.trim() })}
      >
        <Form.Item
          name="toLeaderId"
          label="调整到团长"
          rules={[{ required: true, message: '请选择新的团长' }]}
        >
          <ActiveLeaderSelect disabledIds={disabledIds} data-testid="member-move-leader" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={[reasonRule]} required>
          <Input.TextArea
            rows={3}
            maxLength={REASON_MAX}
            showCount
            placeholder="例如：原团长不再合作，会员就近改到新自提点"
            data-testid="member-move-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
