import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type LeaderDetail } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { DEFAULT_HOLD_DAYS, fetchLevels, holdHint, levelKeys, setLeaderLevel } from '../levels-service';
import { leaderKeys, REASON_MAX, reasonProblem } from '../service';

interface Values {
  levelId: number;
  reason: string;
  holdDays: number;
}

const CODE_TO_FIELD = { [ErrorCode.LEADER_LEVEL_NOT_FOUND]: 'levelId' };

/** 调整等级: a level set by hand, with the reason and how long the daily evaluation leaves it alone. */
export function SetLevelModal({
  leader,
  open,
  onClose,
}: {
  leader: LeaderDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const levels = useQuery({ queryKey: levelKeys.all, queryFn: fetchLevels, enabled: open });
  const holdDays = Form.useWatch('holdDays', form);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ levelId: leader.levelId ?? undefined, reason: '', holdDays: DEFAULT_HOLD_DAYS });
    }
  }, [open, leader.levelId, form]);

  const save = useMutation({
    mutationFn: (values: Values) => setLeaderLevel(leader.id, { ...values, reason: values.reason.trim() }),
    onSuccess: (detail) => {
      queryClient.setQueryData(leaderKeys.detail(leader.id), detail);
      void queryClient.invalidateQueries({ queryKey: leaderKeys.all });
      void queryClient.invalidateQueries({ queryKey: levelKeys.all });
      void message.success(`已将 ${detail.name} 调整为「${detail.levelName ?? ''}」`);
      onClose();
    },
    onError: (error) => showFormError(form, error, ['levelId', 'reason', 'holdDays'], CODE_TO_FIELD),
  });

  return (
    <Modal
      open={open}
      title={`调整等级 · ${leader.name}`}
      okText="确认调整"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'set-level-submit' } }}
      forceRender
      maskClosable={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ margin: '16px 0' }}
        message="手动调整会记入等级记录；保级期内每日自动评估不调整此团长。"
      />
      <Form<Values> form={form} layout="vertical" name="set-level-form" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="levelId" label="新等级" rules={[{ required: true, message: '请选择等级' }]}>
          <Select
            loading={levels.isPending}
            placeholder="选择等级"
            options={(levels.data ?? []).map((level) => ({
              value: level.id,
              label: level.id === leader.levelId ? `${level.name}（当前）` : level.name,
            }))}
            data-testid="set-level-select"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="调整原因"
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
            placeholder="例如：社群运营表现突出，破格提升"
            data-testid="set-level-reason"
          />
        </Form.Item>
        <Form.Item
          name="holdDays"
          label="保级天数"
          extra={holdHint(holdDays)}
          rules={[{ required: true, message: '请输入保级天数（0 表示不保级）' }]}
        >
          <InputNumber
            min={0}
            max={365}
            precision={0}
            addonAfter="天"
            style={{ width: 180 }}
            data-testid="set-level-hold"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
