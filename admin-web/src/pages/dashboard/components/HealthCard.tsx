import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Badge, Button, Card, Descriptions, Skeleton, Tooltip, Typography } from 'antd';
import { CloudServerOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { ComponentStatus, HealthResponse } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { usePermission } from '../../../session/hooks';
import { EVENT_DELIVERIES_PATH } from '../../system/event-deliveries/service';
import { fetchHealth, formatUptime } from '../service';

const OVERALL: Record<
  HealthResponse['status'],
  { color: 'success' | 'warning' | 'error'; text: string; hint: string }
> = {
  ok: { color: 'success', text: '运行正常', hint: '数据库与任务队列均工作正常。' },
  degraded: { color: 'warning', text: '部分降级', hint: '有组件异常，部分功能可能变慢或暂不可用。' },
  down: { color: 'error', text: '服务故障', hint: '关键组件不可用，请立即检查服务器。' },
};

const COMPONENT: Record<ComponentStatus, { status: 'success' | 'error' | 'default'; text: string }> = {
  up: { status: 'success', text: '正常' },
  down: { status: 'error', text: '异常' },
  not_configured: { status: 'default', text: '未启用' },
};

function ComponentState({ status, detail }: { status: ComponentStatus; detail?: ReactNode }) {
  const s = COMPONENT[status];
  return (
    <span>
      <Badge status={s.status} text={s.text} />
      {detail && <Typography.Text type="secondary"> · {detail}</Typography.Text>}
    </span>
  );
}

const latency = (ms?: number) => (ms === undefined ? undefined : `${ms} ms`);

export function HealthCard() {
  const health = useQuery({ queryKey: ['health'], queryFn: fetchHealth, refetchInterval: 30_000 });
  const data = health.data;
  const canManage = usePermission('system.manage');

  return (
    <Card
      title={
        <span>
          <CloudServerOutlined style={{ marginRight: 8 }} />
          系统状态
        </span>
      }
      extra={
        <Tooltip title="每 30 秒自动刷新">
          <Button
            type="text"
            size="small"
            icon={<ReloadOutlined spin={health.isFetching} />}
            onClick={() => void health.refetch()}
            aria-label="刷新系统状态"
          />
        </Tooltip>
      }
      variant="borderless"
      style={{ height: '100%' }}
      data-testid="health-card"
    >
      {health.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : health.isError && !data ? (
        <LoadError compact error={health.error} onRetry={() => void health.refetch()} />
      ) : data ? (
        <>
          <Alert
            type={OVERALL[data.status].color}
            showIcon
            style={{ marginBottom: 16 }}
            message={OVERALL[data.status].text}
            description={OVERALL[data.status].hint}
            data-testid="health-status"
          />
          <Descriptions column={1} size="small" labelStyle={{ width: 96 }}>
            <Descriptions.Item label="数据库">
              <ComponentState
                status={data.database.status}
                detail={[
                  data.database.driver === 'mysql' ? 'MySQL' : 'SQLite',
                  latency(data.database.latencyMs),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </Descriptions.Item>
            <Descriptions.Item label="Redis">
              <ComponentState status={data.redis.status} detail={latency(data.redis.latencyMs)} />
            </Descriptions.Item>
            <Descriptions.Item label="任务队列">
              <ComponentState
                status={data.queue.status}
                detail={[
                  data.queue.adapter === 'bull' ? 'Bull' : '进程内队列',
                  data.queue.waiting !== undefined ? `等待 ${data.queue.waiting}` : null,
                  data.queue.failed !== undefined ? `失败 ${data.queue.failed}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </Descriptions.Item>
            <Descriptions.Item label="待投递事件">
              {data.queue.outboxPending === undefined ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <Typography.Text type={data.queue.outboxPending > 100 ? 'warning' : undefined}>
                  {data.queue.outboxPending} 条
                </Typography.Text>
              )}
            </Descriptions.Item>
            {data.queue.outboxFailed !== undefined && (
              <Descriptions.Item label="投递失败">
                {data.queue.outboxFailed > 0 && canManage ? (
                  <Tooltip title="查看并重试失败的事件投递">
                    <Link to={EVENT_DELIVERIES_PATH} data-testid="health-outbox-failed-link">
                      <Typography.Text type="danger" underline>
                        {data.queue.outboxFailed} 条
                      </Typography.Text>
                    </Link>
                  </Tooltip>
                ) : (
                  <Typography.Text type={data.queue.outboxFailed > 0 ? 'danger' : undefined}>
                    {data.queue.outboxFailed} 条
                  </Typography.Text>
                )}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="运行模式">
              {data.mode === 'embedded' ? '嵌入式（SQLite + 进程内队列）' : '服务模式（MySQL + Redis）'}
            </Descriptions.Item>
            <Descriptions.Item label="版本">{data.version}</Descriptions.Item>
            <Descriptions.Item label="已运行">{formatUptime(data.uptimeSeconds)}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            检查于 {dayjs(data.time).format('YYYY-MM-DD HH:mm:ss')}
            {health.isError && '（最近一次刷新失败，显示的是上次结果）'}
          </Typography.Text>
        </>
      ) : null}
    </Card>
  );
}
