import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, formatFen } from '@linli/shared-types';
import { ActiveLeaderSelect } from '../../../components/ActiveLeaderSelect';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { yuanToFen } from '../../../utils/money';
import { newRequestId } from '../../../utils/request-id';
import { REASON_MAX, reasonProblem } from '../../orders/service';
import { renameErrorFields } from '../field-errors';
import { commissionKeys, createAdjustment } from '../service';

/** The leader the modal opens for (a balance row's 调整), or null for the page's own button. */
export interface AdjustmentTarget {
  leader: { id: number; name: string } | null;
}

interface FormValues {
  leaderId?: number;
  amountYuan: number | null;
  reason: string;
}

const FORM_FIELDS = ['leaderId', 'amountYuan', 'reason'];
const CODE_TO_FIELD = { [ErrorCode.COMMISSION_ADJUSTMENT_INVALID]: 'amountYuan' };
/** The contract's bound: |amount| ≤ 10,000,000 fen. */
const MAX_YUAN = 100_000;

/**
 * 人工调整: a positive or negative entry with a reason, available at once and audited. The request id is
 * made once per opened modal, so pressing 确定 again after a lost answer books it once.
 */
export function AdjustmentModal({
  target,
  onClose,
}: {
  target: AdjustmentTarget | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const [requestId, setRequestId] = useState(newRequestId);
  const [leaderName, setLeaderName] = useState<string | null>(null);
  const amountYuan = Form.useWatch('amountYuan', form);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ leaderId: target.leader?.id, amountYuan: null, reason: '' });
    setLeaderName(target.leader?.name ?? null);
    setRequestId(newRequestId());
  }, [target, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) =>
      createAdjustment({
        leaderId: values.leaderId ?? 0,
        amount: yuanToFen(values.amountYuan ?? 0),
        reason: values.reason.trim(),
        requestId,
      }),
    onSuccess: (_, values) => {
      const amount = yuanToFen(values.amountYuan ?? 0);
      void message.success(
        `已为${leaderName ?? '团长'}${amount > 0 ? '增加' : '扣减'} ${formatFen(Math.abs(amount))}，即时可提现`,
      );
      void queryClient.invalidateQueries({ queryKey: commissionKeys.all });
      onClose();
    },
    onError: (error) =>
      showFormError(
        form,
        renameErrorFields(error, (field) => (field === 'amount' ? 'amountYuan' : field)),
        FORM_FIELDS,
        CODE_TO_FIELD,
      ),
  });

  const amount = typeof amountYuan === 'number' ? yuanToFen(amountYuan) : 0;
  return (
    <Modal
      open={target !== null}
      title="佣金调整"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确认调整"
      cancelText="取消"
      confirmLoading={save.isPending}
      okButtonProps={{ ...{ 'data-testid': 'adjustment-submit' } }}
      forceRender
      maskClosable={false}
      width={520}
      data-testid="adjustment-modal"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        name="commission-adjustment-form"
        onFinish={(values) => save.mutate(values)}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="leaderId" label="团长" rules={[{ required: true, message: '请选择团长' }]}>
          <ActiveLeaderSelect
            selectedName={leaderName}
            onChange={(_, leader) => setLeaderName(leader?.name ?? null)}
            data-testid="adjustment-leader"
          />
        </Form.Item>
        <Form.Item
          name="amountYuan"
          label="调整金额（元）"
          extra="正数为增加，负数为扣减；调整后立即计入可提现余额。"
          rules={[
            { required: true, message: '请输入调整金额' },
            {
              validator: (_, value: number | null) =>
                value === null || value === undefined || yuanToFen(value) !== 0
                  ? Promise.resolve()
                  : Promise.reject(new Error('调整金额不能为 0')),
            },
          ]}
        >
          <InputNumber
            min={-MAX_YUAN}
            max={MAX_YUAN}
            precision={2}
            step={10}
            prefix="¥"
            placeholder="如：50 或 -20"
            style={{ width: 220 }}
            data-testid="adjustment-amount"
          />
        </Form.Item>
        {amount !== 0 && (
          <Alert
            type={amount > 0 ? 'success' : 'warning'}
            showIcon
            style={{ marginTop: -8, marginBottom: 16 }}
            message={`将${amount > 0 ? '增加' : '扣减'} ${formatFen(Math.abs(amount))}，记为「人工调整」并写入操作日志`}
            data-testid="adjustment-preview"
          />
        )}
        <Form.Item
          name="reason"
          label="调整原因"
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
            placeholder="如：11月活动补贴；退款冲回后人工补差"
            data-testid="adjustment-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
