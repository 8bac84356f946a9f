import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { StaffProfile } from '@linli/shared-types';
import { useApiFeedback } from '../../../../components/useApiFeedback';
import { PASSWORD_POLICY_HINT, passwordPolicyError, resetStaffPassword } from '../service';

interface FormValues {
  password: string;
  confirm: string;
}

interface Props {
  staff: StaffProfile | null;
  onClose: () => void;
  onDone: (staff: StaffProfile) => void;
}

export function ResetPasswordModal({ staff, onClose, onDone }: Props) {
  const [form] = Form.useForm<FormValues>();
  const { showFormError } = useApiFeedback();

  useEffect(() => {
    if (staff) form.resetFields();
  }, [staff, form]);

  const mutation = useMutation({
    mutationFn: (values: FormValues) => resetStaffPassword(staff!.id, { password: values.password }),
    onSuccess: () => staff && onDone(staff),
    onError: (error) => showFormError(form, error, ['password']),
  });

  return (
    <Modal
      open={staff !== null}
      title={staff ? `重置密码 · ${staff.name}（${staff.username}）` : '重置密码'}
      okText="确认重置"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'reset-password-submit' } }}
      forceRender
      maskClosable={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ margin: '16px 0' }}
        message="重置后该员工所有已登录的会话立即失效，需用新密码重新登录。请通过安全渠道告知新密码。"
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="reset-password-form"
        data-testid="reset-password-form"
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          name="password"
          label="新密码"
          extra={PASSWORD_POLICY_HINT}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? passwordPolicyError(value) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
