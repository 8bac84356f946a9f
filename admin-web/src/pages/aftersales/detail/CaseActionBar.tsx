import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, ImportOutlined } from '@ant-design/icons';
import { formatFen, type AdminAfterSalesCaseView } from '@linli/shared-types';
import { describeError } from '../../../api';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import {
  REJECT_REASON_MAX,
  caseActions,
  isStaleCaseError,
  rejectReasonProblem,
  type CaseAction,
} from '../service';
import { useCaseAction } from './useCaseAction';

/** 驳回 needs a reason (1–200 characters) that the buyer will read. */
function RejectModal({
  target,
  open,
  submitting,
  submit,
  onClose,
}: {
  target: AdminAfterSalesCaseView;
  open: boolean;
  submitting: boolean;
  submit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { showFormError } = useApiFeedback();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      await submit(reason.trim());
      onClose();
    } catch (error) {
      // The action hook already explained a stale case and reloaded it.
      if (isStaleCaseError(error)) onClose();
      else showFormError(form, error, ['reason']);
    }
  };

  return (
    <Modal
      open={open}
      title={`驳回售后 · ${target.caseNo} ${formatFen(target.amount)}`}
      okText="确认驳回"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'aftersales-reject-submit' } }}
      forceRender
      maskClosable={false}
      data-testid="aftersales-reject-modal"
    >
      <Alert
        type="warning"
        showIcon
        style={{ margin: '16px 0' }}
        message="驳回后不退款，原因会展示给买家；买家可再次申请。"
      />
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        name="aftersales-reject-form"
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item
          name="reason"
          label="驳回原因"
          required
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = rejectReasonProblem(value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea
            rows={3}
            maxLength={REJECT_REASON_MAX}
            showCount
            placeholder="如：照片显示商品完好，不属于质量问题"
            data-testid="aftersales-reject-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The case's buttons: shown when the staff member holds aftersales.write AND the case allows the action
 * now, so an operator who may only read sees none.
 */
export function CaseActionBar({ target }: { target: AdminAfterSalesCaseView }) {
  const { modal } = App.useApp();
  const canWrite = usePermission('aftersales.write');
  const [rejecting, setRejecting] = useState(false);
  const act = useCaseAction(target.id, target.orderId);
  if (!canWrite) return null;
  const actions = caseActions(target);
  if (actions.length === 0) return null;

  const confirm = (action: Exclude<CaseAction, 'reject'>) =>
    modal.confirm({
      title: action === 'approve' ? `同意退款 · ${formatFen(target.amount)}` : `退货入库 · ${target.caseNo}`,
      content:
        action === 'approve'
          ? `确认同意售后单 ${target.caseNo}：${formatFen(target.amount)} 将原路退回买家，操作不可撤销。`
          : `确认退回的商品已到仓库并检查可售：${target.lines
              .map((l) => `${l.productName} ×${l.quantity}`)
              .join('、')} 将计入可售库存（同一售后单只入库一次）。`,
      okText: action === 'approve' ? '同意退款' : '确认入库',
      cancelText: '取消',
      okButtonProps: { ...{ 'data-testid': `aftersales-${action}-confirm` } },
      onOk: () =>
        act.mutateAsync({ action }).catch((error: unknown) => {
          if (!isStaleCaseError(error))
            modal.error({ title: '操作失败', content: describeError(error), okText: '知道了' });
        }),
    });

  return (
    <>
      <Space wrap data-testid="aftersales-actions">
        {actions.includes('approve') && (
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            onClick={() => confirm('approve')}
            data-testid="aftersales-approve"
          >
            同意退款
          </Button>
        )}
        {actions.includes('reject') && (
          <Button
            danger
            icon={<CloseCircleOutlined />}
            onClick={() => setRejecting(true)}
            data-testid="aftersales-reject"
          >
            驳回
          </Button>
        )}
        {actions.includes('returnStock') && (
          <Button
            icon={<ImportOutlined />}
            onClick={() => confirm('returnStock')}
            data-testid="aftersales-return-stock"
          >
            退货入库
          </Button>
        )}
      </Space>
      <RejectModal
        target={target}
        open={rejecting}
        submitting={act.isPending}
        submit={(reason) => act.mutateAsync({ action: 'reject', reason })}
        onClose={() => setRejecting(false)}
      />
    </>
  );
}
