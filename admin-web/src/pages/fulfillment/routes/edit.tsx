import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryRouteInput, DeliveryRouteView } from '@linli/shared-types';
import { DetailFallback, DetailHeader, type BackToList } from '../../../components/DetailPage';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { parseRouteId } from '../../../utils/url-query';
import { createRoute, fetchRoute, fulfillmentKeys, updateRoute } from '../service';
import { StopsEditor, type StopDraft } from './StopsEditor';

const BACK: BackToList = { to: '/fulfillment/routes', label: '返回配送线路' };
const FIELDS = ['name', 'driverName', 'driverPhone', 'vehicle', 'note', 'stops'] as const;
const CODE_TO_FIELD = { FULFILLMENT_ROUTE_NAME_TAKEN: 'name' };

interface FormValues {
  name: string;
  driverName: string;
  driverPhone: string;
  vehicle?: string;
  note?: string;
}

const toDrafts = (route: DeliveryRouteView): StopDraft[] =>
  route.stops.map((s) => ({
    leaderId: s.leaderId,
    leaderName: s.leaderName,
    pointName: s.pickupPoint?.name ?? null,
    address: s.pickupPoint?.address ?? null,
  }));

function RouteForm({ route }: { route: DeliveryRouteView | null }) {
  const [form] = Form.useForm<FormValues>();
  const [stops, setStops] = useState<StopDraft[]>(() => (route ? toDrafts(route) : []));
  const [stopsError, setStopsError] = useState<string | null>(null);
  const canWrite = usePermission('fulfillment.write');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { showFormError } = useApiFeedback();

  useEffect(() => {
    if (stops.length > 0) setStopsError(null);
  }, [stops.length]);

  const save = useMutation({
    mutationFn: (body: DeliveryRouteInput) => (route ? updateRoute(route.id, body) : createRoute(body)),
    onSuccess: (saved) => {
      queryClient.setQueryData(fulfillmentKeys.route(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: fulfillmentKeys.routes });
      void queryClient.invalidateQueries({ queryKey: ['fulfillment', 'wave'] });
      void message.success(route ? '线路已保存' : '线路已创建');
      navigate('/fulfillment/routes');
    },
    onError: (error) => showFormError(form, error, FIELDS, CODE_TO_FIELD),
  });

  const submit = (values: FormValues) => {
    if (stops.length === 0) {
      setStopsError('请至少加入一个自提点');
      return;
    }
    save.mutate({
      name: values.name.trim(),
      driverName: values.driverName.trim(),
      driverPhone: values.driverPhone.trim(),
      vehicle: values.vehicle?.trim() || null,
      note: values.note?.trim() || null,
      stops: stops.map((s) => s.leaderId),
    });
  };

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      disabled={!canWrite}
      initialValues={{
        name: route?.name,
        driverName: route?.driverName,
        driverPhone: route?.driverPhone,
        vehicle: route?.vehicle ?? undefined,
        note: route?.note ?? undefined,
      }}
      onFinish={submit}
      data-testid="route-form"
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="线路信息" variant="borderless" style={{ marginBottom: 16 }}>
            <Form.Item name="name" label="线路名称" rules={[{ required: true, message: '请填写线路名称' }]}>
              <Input maxLength={32} placeholder="如：城东一线" data-testid="route-name" />
            </Form.Item>
            <Form.Item name="driverName" label="司机" rules={[{ required: true, message: '请填写司机姓名' }]}>
              <Input maxLength={32} placeholder="司机姓名" data-testid="route-driver-name" />
            </Form.Item>
            <Form.Item
              name="driverPhone"
              label="司机手机号"
              rules={[
                { required: true, message: '请填写司机手机号' },
                { pattern: /^1\d{10}$/, message: '请填写 11 位手机号' },
              ]}
            >
              <Input maxLength={11} placeholder="11 位手机号" data-testid="route-driver-phone" />
            </Form.Item>
            <Form.Item name="vehicle" label="车辆">
              <Input
                maxLength={32}
                placeholder="车牌或车型，如：浙A·12345 冷藏车"
                data-testid="route-vehicle"
              />
            </Form.Item>
            <Form.Item name="note" label="备注" style={{ marginBottom: 0 }}>
              <Input.TextArea maxLength={200} rows={2} placeholder="如：早 6 点前到第一站" />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title="站点（按配送顺序）"
            variant="borderless"
            style={{ marginBottom: 16 }}
            extra={<Typography.Text type="secondary">拖动或用 ↑ ↓ 调整顺序</Typography.Text>}
          >
            <StopsEditor value={stops} onChange={setStops} disabled={!canWrite} />
            {stopsError && (
              <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }}>
                {stopsError}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {canWrite && (
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="route-submit">
            {route ? '保存线路' : '创建线路'}
          </Button>
          <Button onClick={() => navigate('/fulfillment/routes')} disabled={false}>
            取消
          </Button>
        </Space>
      )}
    </Form>
  );
}

/** 新建 / 编辑配送线路. */
export default function RouteEditPage() {
  const raw = useParams().id;
  const isNew = raw === undefined;
  const id = isNew ? null : parseRouteId(raw);
  const route = useQuery({
    queryKey: fulfillmentKeys.route(id ?? 0),
    queryFn: () => fetchRoute(id!),
    enabled: id !== null,
  });
  if (!isNew && (id === null || !route.isSuccess))
    return (
      <DetailFallback
        query={route}
        invalidId={id === null}
        back={BACK}
        notFound={{
          title: '线路不存在',
          subTitle: '该线路可能已被删除，或链接有误。',
          testId: 'route-not-found',
        }}
      />
    );
  return (
    <div data-testid="route-edit">
      <DetailHeader back={BACK}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {isNew ? '新建配送线路' : `编辑线路：${route.data!.name}`}
        </Typography.Title>
      </DetailHeader>
      <RouteForm key={route.data?.updatedAt ?? 'new'} route={isNew ? null : route.data!} />
    </div>
  );
}
