import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeliveryRouteView } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { usePermission } from '../../../session/hooks';
import { pointLabel } from '../logic';
import { deleteRoute, fetchRoutes, fulfillmentKeys } from '../service';

/** 配送线路: standing routes (ordered pickup points, driver, vehicle) used by every wave. */
export default function RoutesPage() {
  const canWrite = usePermission('fulfillment.write');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { showError } = useApiFeedback();
  const queryClient = useQueryClient();
  const routes = useQuery({ queryKey: fulfillmentKeys.routes, queryFn: fetchRoutes });
  const remove = useMutation({
    mutationFn: (id: number) => deleteRoute(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: fulfillmentKeys.all });
      void message.success('线路已删除');
    },
    onError: showError,
  });

  const columns: TableColumnsType<DeliveryRouteView> = [
    {
      title: '线路',
      key: 'name',
      width: 180,
      render: (_, r) => (
        <Link
          to={`/fulfillment/routes/${r.id}`}
          onClick={(e) => e.stopPropagation()}
          data-testid="route-row-name"
        >
          <Typography.Text strong style={{ color: 'inherit' }}>
            {r.name}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: '站点（按配送顺序）',
      key: 'stops',
      render: (_, r) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }} data-testid="route-row-stops">
          {r.stops.map((s) => `${s.seq}. ${pointLabel(s.pickupPoint?.name, s.leaderName)}`).join(' → ')}
        </Typography.Paragraph>
      ),
    },
    {
      title: '司机',
      key: 'driver',
      width: 150,
      render: (_, r) => (
        <div>
          {r.driverName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.driverPhone}
          </Typography.Text>
        </div>
      ),
    },
    { title: '车辆', dataIndex: 'vehicle', width: 120, render: (v: string | null) => v ?? '—' },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, r: DeliveryRouteView) => (
              <Space size={0} onClick={(e) => e.stopPropagation()}>
                <Link to={`/fulfillment/routes/${r.id}`}>
                  <Button type="link" size="small">
                    编辑
                  </Button>
                </Link>
                <Popconfirm
                  title={`删除线路「${r.name}」？`}
                  description="已发车的记录会保留；线路上的自提点可再加入其他线路。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(r.id).catch(() => undefined)}
                >
                  <Button type="link" size="small" danger data-testid="route-delete">
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="routes-page">
      <PageHeader
        title="配送线路"
        description="每条线路按配送顺序串起若干自提点（一个自提点只能在一条线路上），各波次按线路出配送单、发车。"
        extra={
          canWrite && (
            <Link to="/fulfillment/routes/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="route-create">
                新建线路
              </Button>
            </Link>
          )
        }
      />
      <Card variant="borderless">
        {routes.isError ? (
          <LoadError error={routes.error} onRetry={() => void routes.refetch()} />
        ) : (
          <Table<DeliveryRouteView>
            rowKey="id"
            columns={columns}
            dataSource={routes.data}
            loading={routes.isPending}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: 860 }}
            data-testid="routes-table"
            onRow={(r) => ({
              onClick: () => navigate(`/fulfillment/routes/${r.id}`),
              style: { cursor: 'pointer' },
            })}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description="还没有配送线路，新建一条并按顺序加入自提点"
                />
              ),
            }}
          />
        )}
      </Card>
    </div>
  );
}
