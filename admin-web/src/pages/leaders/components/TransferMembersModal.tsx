import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ActiveLeaderSelect } from '../../../components/ActiveLeaderSelect';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { MOVE_CODE_TO_FIELD, memberKeys, transferDoneText, transferMembers } from '../../members/service';
import { REASON_MAX, leaderKeys, reasonProblem } from '../service';

interface Values {
  toLeaderId?: number;
  reason: string;
}

interface Props {
  leader: { id: number; name: string };
  /** Members bound to the leader now, when known (needs members.read). */
  memberCount: number | null;
  open: boolean;
  onClose: () => void;
}

/** 转移会员: every member bound to this leader moves to another active leader (e.g. the leader quits). */
export function TransferMembersModal({ leader, memberCount, open, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const { modal } = App.useApp();

  const [targetName, setTargetName] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setTargetName(null);
    }
  }, [open, form]);

  const transfer = useMutation({
    mutationFn: (body: Required<Values> & { toLeaderName: string }) =>
      transferMembers(leader.id, { toLeaderId: body.toLeaderId, reason: body.reason }),
    onSuccess: ({ moved }, { toLeaderName }) => {
      void queryClient.invalidateQueries({ queryKey: memberKeys.all });
      void queryClient.invalidateQueries({ queryKey: leaderKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
      onClose();
      if (moved === 0) void message.info(transferDoneText(moved, toLeaderName));
      else
        modal.success({
          title: '会员已转移',
          content: <span data-testid="transfer-result">{transferDoneText(moved, toLeaderName)}</span>,
          okText: '知道了',
        });
    },
    onError: (error) => showFormError(form, error, ['toLeaderId', 'reason'], MOVE_CODE_TO_FIELD),
  });

  const countText = memberCount === null ? '该团长名下的全部会员' : `该团长名下的 ${memberCount} 名会员`;
  return (
    <Modal
      open={open}
      title={`转移会员 · ${leader.name}`}
      okText="确认转移"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transfer.isPending}
      okButtonProps={{ ...{ 'data-testid': 'leader-transfer-submit' } }}
      forceRender
      maskClosable={false}
    >
      <Alert
        type="warning"
        showIcon
        style={{ margin: '16px 0' }}
        message={`将把${countText}转移到新团长的自提点`}
        description="每位会员的绑定记录都会写入本次转移；会员的来源渠道和首次团长不变。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        name="leader-transfer-form"
        onFinish={(values) => {
          transfer.mutate({
            toLeaderId: values.toLeaderId!,
            reason: values.reason.trim(),
            toLeaderName: targetName ?? `团长 #${values.toLeaderId}`,
          });
        }}
      >
        <Form.Item
          name="toLeaderId"
          label="转移到团长"
          rules={[{ required: true, message: '请选择新的团长' }]}
        >
          <ActiveLeaderSelect
            disabledIds={{ [leader.id]: '当前团长' }}
            onChange={(_, picked) => setTargetName(picked?.name ?? null)}
            data-testid="leader-transfer-target"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="转移原因"
          required
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = reasonProblem(value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={REASON_MAX}
            showCount
            placeholder="例如：团长退出合作，会员统一转到就近自提点"
            data-testid="leader-transfer-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
