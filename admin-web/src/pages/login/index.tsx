import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorCode, type StaffLoginRequest } from '@linli/shared-types';
import { describeError, isApiError } from '../../api';
import { LogoMark } from '../../components/Logo';
import type { LoginLocationState } from '../../layout/guards';
import { safeRedirect } from '../../layout/menu';
import { useSession } from '../../session/hooks';
import { login } from '../../session/service';
import styles from './login.module.css';

/** Errors the user can act on get their own wording; everything else shows the server's message. */
function loginErrorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === ErrorCode.AUTH_INVALID_CREDENTIALS) return '用户名或密码错误，请重新输入';
    if (error.code === ErrorCode.AUTH_ACCOUNT_DISABLED) return '该账号已被停用，请联系管理员';
    if (error.code === ErrorCode.RATE_LIMITED) return '登录尝试过于频繁，请稍后再试';
  }
  return describeError(error);
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StaffLoginRequest>();
  const [reason, setReason] = useState(() => (location.state as LoginLocationState | null)?.reason ?? null);
  const redirect = safeRedirect(params.get('redirect'));

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: () => {
      queryClient.clear(); // nothing cached for the previous account may leak into this one
      navigate(redirect, { replace: true });
    },
    onError: () => form.setFieldValue('password', ''),
  });

  if (session && !mutation.isPending) return <Navigate to={redirect} replace />;

  const error = mutation.error;
  return (
    <div className={styles.page}>
      <div className={styles.brandPanel}>
        <div className={styles.brand}>
          <LogoMark size={44} />
          <span>邻里团购</span>
        </div>
        <Typography.Title level={2} className={styles.slogan}>
          社区团购，一站运营
        </Typography.Title>
        <Typography.Paragraph className={styles.sloganSub}>
          团长、自提点、商品、订单与佣金，在同一个后台协同管理。
        </Typography.Paragraph>
        <ul className={styles.features}>
          <li>订单不超卖，库存变动可追溯</li>
          <li>分拣单、配送单自动生成</li>
          <li>团长佣金自动结算</li>
          <li>员工按角色授权，每次操作留痕</li>
        </ul>
      </div>
      <div className={styles.formPanel}>
        <Card className={styles.card} variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            运营后台登录
          </Typography.Title>
          <Typography.Text type="secondary">请使用管理员分配的员工账号登录</Typography.Text>

          {(error || reason) && (
            <Alert
              className={styles.alert}
              type={error ? 'error' : 'warning'}
              showIcon
              message={error ? loginErrorText(error) : reason}
              data-testid="login-error"
            />
          )}

          <Form
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            className={styles.form}
            disabled={mutation.isPending}
            onValuesChange={() => {
              if (mutation.error) mutation.reset();
              if (reason) setReason(null);
            }}
            onFinish={(values) =>
              mutation.mutate({ username: values.username.trim(), password: values.password })
            }
          >
            <Form.Item
              name="username"
              label="用户名"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder="用户名"
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password
                prefix={<LockOutlined />}
                placeholder="密码"
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              style={{ marginTop: 8 }}
              loading={mutation.isPending}
              data-testid="login-submit"
            >
              登录
            </Button>
          </Form>
        </Card>
        <Typography.Text type="secondary" className={styles.footer}>
          © 邻里团购 · 忘记密码请联系管理员重置
        </Typography.Text>
      </div>
    </div>
  );
}
