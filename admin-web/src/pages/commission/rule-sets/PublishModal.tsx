import { useEffect } from 'react';
import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ErrorCode, type RuleSetView } from '@linli/shared-types';
import { isApiError } from '../../../api';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { shanghaiNow, shanghaiToIso } from '../../campaigns/campaign-form';
import { commissionKeys, publishRuleSet } from '../service';

export interface PublishTarget {
  id: number;
  name: string;
}

const FORMAT = 'YYYY-MM-DD HH:mm';
const NOW_SLACK_MINUTES = 2;

/** Effective times people usually mean: now, the start of tomorrow, of next week (Monday), of next month. */
function presets(now: Dayjs) {
  const tomorrow = now.add(1, 'day').startOf('day');
  return [
    { label: '立即生效', value: now },
    { label: '明天 00:00', value: tomorrow },
    { label: '下周一 00:00', value: now.startOf('week').add(1, 'week') },
    { label: '下月 1 日 00:00', value: now.startOf('month').add(1, 'month') },
  ];
}

/**
 * 发布 a draft from an effective time on (Asia/Shanghai, not in the past). The dialog says what that means
 * before anyone confirms: orders completing from then on earn under it, earlier ones keep their commission.
 */
export function PublishModal({
  target,
  onClose,
  onPublished,
}: {
  target: PublishTarget | null;
  onClose: () => void;
  onPublished?: (published: RuleSetView) => void;
}) {
  const [form] = Form.useForm<{ effectiveFrom: Dayjs | null }>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const effectiveFrom = Form.useWatch('effectiveFrom', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ effectiveFrom: shanghaiNow().add(1, 'day').startOf('day') });
  }, [target, form]);

  const publish = useMutation({
    mutationFn: (at: Dayjs) => publishRuleSet(target!.id, { effectiveFrom: shanghaiToIso(at) }),
    onSuccess: (published, at) => {
      void queryClient.invalidateQueries({ queryKey: commissionKeys.ruleSets });
      queryClient.setQueryData(commissionKeys.ruleSet(published.id), published);
      void message.success(
        `已发布「${published.name}」${published.version ? ` v${published.version}` : ''}，${at.format(FORMAT)} 起生效`,
      );
      onPublished?.(published);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === ErrorCode.COMMISSION_RULE_SET_PUBLISHED) {
        // Someone published it a moment ago: show the list as it is now.
        void queryClient.invalidateQueries({ queryKey: commissionKeys.ruleSets });
        onClose();
      }
      showFormError(form, error, ['effectiveFrom'], {
        [ErrorCode.COMMISSION_EFFECTIVE_TIME_INVALID]: 'effectiveFrom',
      });
    },
  });

  const now = shanghaiNow();
  return (
    <Modal
      open={target !== null}
      title={target ? `发布方案 · ${target.name}` : '发布方案'}
      okText="确认发布"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={publish.isPending}
      okButtonProps={{ ...{ 'data-testid': 'rule-set-publish-submit' } }}
      forceRender
      maskClosable={false}
      width={540}
      data-testid="rule-set-publish-modal"
    >
      <Form<{ effectiveFrom: Dayjs | null }>
        form={form}
        layout="vertical"
        requiredMark={false}
        name="rule-set-publish-form"
        style={{ marginTop: 16 }}
        onFinish={({ effectiveFrom: at }) => at && publish.mutate(at)}
      >
        <Form.Item
          name="effectiveFrom"
          label="生效时间（北京时间）"
          rules={[
            { required: true, message: '请选择生效时间' },
            {
              validator: (_, value: Dayjs | null) =>
                // "Now" picked a moment ago is still now (the server allows the same few minutes).
                !value || !value.isBefore(shanghaiNow().subtract(NOW_SLACK_MINUTES, 'minute'))
                  ? Promise.resolve()
                  : Promise.reject(new Error('生效时间不能早于现在')),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format={FORMAT}
            disabledDate={(d) => d.isBefore(now, 'day')}
            presets={presets(now)}
            style={{ width: 240 }}
            data-testid="rule-set-effective-from"
          />
        </Form.Item>
      </Form>
      <Alert
        type="warning"
        showIcon
        message="发布后方案不可再修改"
        description={
          <Typography.Text data-testid="rule-set-publish-consequence">
            自 <b>{effectiveFrom ? effectiveFrom.format(FORMAT) : '生效时间'}</b>{' '}
            起完成的订单按此方案计算佣金；此前完成的订单保留原有佣金，在此之前仍按当前生效的方案计算。如需调整，可复制为新草稿后再发布。
          </Typography.Text>
        }
      />
    </Modal>
  );
}
