import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatFen } from '@linli/shared-types';
import { ApiError, isApiError } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { shanghaiTime } from '../../orders/service';
import {
  MAX_AUTO_APPROVE_HOURS,
  MAX_AUTO_APPROVE_YUAN,
  aftersalesKeys,
  fetchSettings,
  formToSettings,
  saveSettings,
  settingsToForm,
  toSettingsFormErrorBody,
  type SettingsForm,
} from '../service';

const FIELDS: (keyof SettingsForm)[] = ['autoApproveMaxYuan', 'autoApproveAfterHours'];

/** 售后规则: when a case is approved without anyone looking at it. */
export default function AfterSalesSettingsPage() {
  const canWrite = usePermission('aftersales.write');
  const queryClient = useQueryClient();
  const { message, showFormError } = useApiFeedback();
  const [form] = Form.useForm<SettingsForm>();
  const settings = useQuery({ queryKey: aftersalesKeys.settings, queryFn: fetchSettings });
  const maxYuan = Form.useWatch('autoApproveMaxYuan', form);
  const hours = Form.useWatch('autoApproveAfterHours', form);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settingsToForm(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: SettingsForm) => saveSettings(formToSettings(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(aftersalesKeys.settings, saved);
      void message.success('售后规则已保存，新申请按新规则处理');
    },
    onError: (error) =>
      showFormError(
        form,
        isApiError(error) ? new ApiError(error.status, toSettingsFormErrorBody(error.body)) : error,
        FIELDS,
      ),
  });

  const maxFen =
    typeof maxYuan === 'number'
      ? formToSettings({ autoApproveMaxYuan: maxYuan, autoApproveAfterHours: 0 }).autoApproveMaxFen
      : 0;

  return (
    <>
      <PageHeader
        title="售后规则"
        description="小额申请自动同意、超时无人处理自动同意：减少团长和客服的等待，买家更快拿到退款。"
        extra={
          <Link to="/aftersales">
            <Button icon={<ArrowLeftOutlined />}>返回售后处理</Button>
          </Link>
        }
      />
      <Card variant="borderless" style={{ maxWidth: 720 }}>
        {settings.isError ? (
          <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : !settings.data ? (
          <Skeleton active />
        ) : (
          <Form<SettingsForm>
            form={form}
            layout="vertical"
            name="aftersales-settings"
            disabled={!canWrite}
            onFinish={(values) => save.mutate(values)}
            data-testid="aftersales-settings-form"
          >
            {!canWrite && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="你只有查看权限，修改售后规则需要「处理售后」权限。"
              />
            )}
            <Form.Item
              name="autoApproveMaxYuan"
              label="小额自动同意：申请金额不超过"
              rules={[{ required: true, message: '请填写金额，填 0 表示不自动同意' }]}
              extra={
                maxFen > 0
                  ? `买家申请 ${formatFen(maxFen)} 及以下的退款立即自动同意并原路退款（自提点报缺/报损始终自动同意）。`
                  : '填 0：买家的申请都需要团长或客服处理。'
              }
            >
              <InputNumber
                min={0}
                max={MAX_AUTO_APPROVE_YUAN}
                precision={2}
                step={1}
                addonAfter="元"
                style={{ width: 240 }}
                data-testid="aftersales-settings-max-yuan"
              />
            </Form.Item>
            <Form.Item
              name="autoApproveAfterHours"
              label="超时自动同意：无人处理超过"
              rules={[{ required: true, message: '请填写小时数，填 0 表示不自动同意' }]}
              extra={
                typeof hours === 'number' && hours > 0
                  ? `待处理的申请 ${hours} 小时内无人处理，将自动同意退款。`
                  : '填 0：待处理的申请一直等待人工处理。'
              }
            >
              <InputNumber
                min={0}
                max={MAX_AUTO_APPROVE_HOURS}
                precision={0}
                step={1}
                addonAfter="小时"
                style={{ width: 240 }}
                data-testid="aftersales-settings-hours"
              />
            </Form.Item>
            <Space align="center" size={16}>
              {canWrite && (
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={save.isPending}
                  data-testid="aftersales-settings-save"
                >
                  保存
                </Button>
              )}
              {settings.data.updatedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  最近由 {settings.data.updatedBy ?? '系统'} 修改于 {shanghaiTime(settings.data.updatedAt)}
                </Typography.Text>
              )}
            </Space>
          </Form>
        )}
      </Card>
    </>
  );
}
