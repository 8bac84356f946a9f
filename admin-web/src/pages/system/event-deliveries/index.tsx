import { useEffect, useState } from 'react';
import { Button, Card, Empty, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckCircleTwoTone, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { FailedEventDelivery, PageQuery } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { DeliveryDetail } from './components/DeliveryDetail';
import {
  deliveryKey,
  errorHeadline,
  eventDeliveryKeys,
  fetchFailedDeliveries,
  isAlreadyRetried,
  retryDelivery,
} from './service';
import { tablePagination } from '../../../components/table-pagination';

const mono = { fontFamily: 'monospace', fontSize: 12 } as const;

export default function EventDeliveriesPage() {
  const [query, setQuery] = useState<Required<PageQuery>>({ page: 1, pageSize: 20 });
  const queryClient = useQueryClient();
  const { message, showError } = useApiFeedback();

  const list = useQuery({
    queryKey: eventDeliveryKeys.list(query),
    queryFn: () => fetchFailedDeliveries(query),
    placeholderData: keepPreviousData,
  });

  // Retrying the last row of the last page empties it: step back to the page that still has rows.
  const total = list.data?.total;
  useEffect(() => {
    if (total === undefined || query.page === 1) return;
    const lastPage = Math.max(1, Math.ceil(total / query.pageSize));
    if (query.page > lastPage) setQuery((q) => ({ ...q, page: lastPage }));
  }, [total, query.page, query.pageSize]);

  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: eventDeliveryKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['health'] }); // the dashboard's 投递失败 figure
    void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
  };

  const retry = useMutation({
    mutationFn: retryDelivery,
    onSuccess: (result) => {
      refreshAll();
      void message.success(
        `已重新投递（${result.handlerName}）${result.remainingFailed > 0 ? `，还有 ${result.remainingFailed} 条失败待处理` : ''}`,
      );
    },
    onError: (error) => {
      if (!isAlreadyRetried(error)) return showError(error);
      refreshAll();
      void message.info('这条投递已被重试或已处理，列表已刷新');
    },
  });
  const retrying = retry.isPending ? retry.variables : undefined;

  const columns: TableColumnsType<FailedEventDelivery> = [
    {
      title: '失败时间',
      dataIndex: 'failedAt',
      width: 170,
      render: (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '事件类型',
      key: 'eventType',
      width: 200,
      render: (_, row) => (
        <span>
          {row.eventType ? (
            <Tag style={mono}>{row.eventType}</Tag>
          ) : (
            <Typography.Text type="secondary">未知事件</Typography.Text>
          )}
          {row.aggregateId && (
            <Tooltip title="事件关联对象的 ID">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                #{row.aggregateId}
              </Typography.Text>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      title: '处理器',
      dataIndex: 'handlerName',
      width: 220,
      render: (name: string) => <Typography.Text style={mono}>{name}</Typography.Text>,
    },
    { title: '尝试次数', dataIndex: 'attempts', width: 90, align: 'right' },
    {
      title: '最后错误',
      dataIndex: 'lastError',
      ellipsis: { showTitle: false },
      render: (lastError: string) => (
        <Tooltip title="展开该行查看完整错误" placement="topLeft">
          <Typography.Text type="danger" style={mono}>
            {errorHeadline(lastError)}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, row) => (
        <Popconfirm
          title="重试这条投递？"
          description={
            <div style={{ maxWidth: 280 }}>
              请先确认失败原因已排除。重试会重新执行「{row.handlerName}」，已成功的步骤不会重复执行。
            </div>
          }
          okText="重试"
          cancelText="取消"
          onConfirm={() => retry.mutateAsync(row).catch(() => undefined)}
        >
          <Button
            type="link"
            size="small"
            loading={retrying !== undefined && deliveryKey(retrying) === deliveryKey(row)}
            disabled={retrying !== undefined && deliveryKey(retrying) !== deliveryKey(row)}
            data-testid="delivery-retry"
          >
            重试
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const data = list.data;
  return (
    <>
      <PageHeader
        title="事件投递"
        description="下单、支付等操作完成后，系统会在后台执行后续步骤（如计算佣金、发送通知）。这里列出自动重试全部用完仍然失败的步骤：请先排除原因（如外部服务故障、配置错误），再点击“重试”。"
        extra={
          <Button
            icon={<ReloadOutlined spin={list.isFetching} />}
            onClick={() => void list.refetch()}
            data-testid="deliveries-refresh"
          >
            刷新
          </Button>
        }
      />
      <Card variant="borderless">
        {list.isError && !data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<FailedEventDelivery>
            rowKey={deliveryKey}
            columns={columns}
            dataSource={data?.items}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            data-testid="deliveries-table"
            expandable={{ expandedRowRender: (row) => <DeliveryDetail row={row} /> }}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty
                  image={<CheckCircleTwoTone twoToneColor="#52c41a" style={{ fontSize: 48 }} />}
                  styles={{ image: { height: 56 } }}
                  description="没有失败的事件投递，一切正常"
                  data-testid="deliveries-empty"
                />
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: data?.total,
              describeTotal: (total) => `共 ${total} 条失败投递`,
              onChange: (next) => setQuery(next),
            })}
          />
        )}
      </Card>
    </>
  );
}
