import { useEffect } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { describeError } from '../../../../api';
import { useMutation } from '@tanstack/react-query';
import type { RoleDefinition, StaffProfile, StaffRole } from '@linli/shared-types';
import { useApiFeedback } from '../../../../components/useApiFeedback';
import {
  PASSWORD_POLICY_HINT,
  PHONE_PATTERN,
  USERNAME_PATTERN,
  createStaff,
  passwordPolicyError,
  updateStaff,
} from '../service';
import { RoleSelect } from './RoleSelect';

export type StaffFormTarget = { kind: 'create' } | { kind: 'edit'; staff: StaffProfile };

interface FormValues {
  username: string;
  name: string;
  phone?: string;
  password: string;
  roles: StaffRole[];
}

const FIELDS = ['username', 'name', 'phone', 'password', 'roles'];
const CODE_TO_FIELD = { STAFF_USERNAME_TAKEN: 'username', STAFF_LAST_ADMIN: 'roles' };

interface Props {
  target: StaffFormTarget | null;
  roles: RoleDefinition[] | undefined;
  rolesLoading: boolean;
  /** Set when GET /api/admin/roles failed; the modal offers a retry instead of an empty select. */
  rolesError: unknown;
  onRetryRoles: () => void;
  onClose: () => void;
  onSaved: (staff: StaffProfile, created: boolean) => void;
}

export function StaffFormModal({
  target,
  roles,
  rolesLoading,
  rolesError,
  onRetryRoles,
  onClose,
  onSaved,
}: Props) {
  const [form] = Form.useForm<FormValues>();
  const { showFormError } = useApiFeedback();
  const editing = target?.kind === 'edit' ? target.staff : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.kind === 'edit') {
      form.setFieldsValue({
        name: target.staff.name,
        phone: target.staff.phone ?? '',
        roles: target.staff.roles,
      });
    }
  }, [target, form]);

  const mutation = useMutation({
    mutationFn: (values: FormValues) => {
      const phone = values.phone?.trim() ?? '';
      if (editing)
        return updateStaff(editing.id, {
          name: values.name.trim(),
          phone: phone || null,
          roles: values.roles,
        });
      return createStaff({
        username: values.username.trim(),
        name: values.name.trim(),
        ...(phone ? { phone } : {}),
        password: values.password,
        roles: values.roles,
      });
    },
    onSuccess: (staff) => onSaved(staff, !editing),
    onError: (error) => showFormError(form, error, FIELDS, CODE_TO_FIELD),
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? `编辑员工 · ${editing.username}` : '新建员工'}
      okText={editing ? '保存' : '创建'}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'staff-form-submit' } as Record<string, string>}
      forceRender
      maskClosable={false}
    >
      {rolesError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          message={`角色列表加载失败：${describeError(rolesError)}`}
          action={
            <Button size="small" onClick={onRetryRoles}>
              重试
            </Button>
          }
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        name="staff-form"
        data-testid="staff-form"
        onFinish={(values) => mutation.mutate(values)}
        style={{ marginTop: 16 }}
      >
        {!editing && (
          <Form.Item
            name="username"
            label="用户名"
            extra="3–32 位字母、数字、下划线、点或短横线，创建后不可修改"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { pattern: USERNAME_PATTERN, message: '用户名为 3–32 位字母、数字、_ . -' },
            ]}
          >
            <Input autoComplete="off" placeholder="如 zhangsan" data-testid="staff-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="姓名"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 32, message: '姓名最多 32 个字' },
          ]}
        >
          <Input placeholder="员工真实姓名" data-testid="staff-form-name" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          rules={[{ pattern: PHONE_PATTERN, message: '手机号格式不正确' }]}
        >
          <Input placeholder="选填，如 13800138000" maxLength={20} data-testid="staff-form-phone" />
        </Form.Item>
        {!editing && (
          <Form.Item
            name="password"
            label="初始密码"
            extra={PASSWORD_POLICY_HINT}
            rules={[
              { required: true, message: '请输入初始密码' },
              {
                validator: (_, value: string | undefined) => {
                  const problem = value ? passwordPolicyError(value) : null;
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="staff-form-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label="角色"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}
        >
          <RoleSelect roles={roles} loading={rolesLoading} data-testid="staff-form-roles" />
        </Form.Item>
        {editing && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            角色变更立即生效：该员工的菜单和操作权限会在下一次请求时更新。
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
