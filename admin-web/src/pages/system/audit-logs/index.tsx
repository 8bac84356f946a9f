import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { AuditLogEntry, AuditLogQuery } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { auditActionLabel, auditEntityLabel, systemActorLabel } from '../../../labels/audit';
import { AuditDiff } from './components/AuditDiff';
import { AuditFilters } from './components/AuditFilters';
import { auditKeys, fetchAuditLogs, queryFromSearch, searchFromQuery } from './service';
import { tablePagination } from '../../../components/table-pagination';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  disable: 'red',
  enable: 'cyan',
  apply: 'blue',
  approve: 'green',
  reject: 'red',
  suspend: 'red',
  reactivate: 'cyan',
  reset_password: 'orange',
  login: 'default',
  logout: 'default',
};

function actionColor(action: string): string {
  return ACTION_COLORS[action.split('.').pop() ?? ''] ?? 'default';
}

function SystemActor({ actorName }: { actorName: string | null }) {
  const { tag, name } = systemActorLabel(actorName);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag bordered={false} color={tag === '会员' ? 'blue' : undefined}>
        {tag}
      </Tag>
      {name && <Typography.Text type="secondary">{name}</Typography.Text>}
    </span>
  );
}

export default function AuditLogsPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryFromSearch(params), [params]);
  const setQuery = (patch: Partial<AuditLogQuery>, resetPage = true) =>
    setParams(searchFromQuery({ ...query, ...(resetPage ? { page: 1 } : {}), ...patch }));
  const filtered = Boolean(
    query.actorId || query.action || query.entityType || query.entityId || query.from || query.to,
  );

  const list = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: () => fetchAuditLogs(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<AuditLogEntry> = [
    {
      title: '时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: '操作人',
      key: 'actor',
      width: 150,
      render: (_, row) =>
        row.actorType === 'system' ? (
          <SystemActor actorName={row.actorName} />
        ) : (
          <Tooltip title="只看此人的操作">
            <Typography.Link onClick={() => row.actorId && setQuery({ actorId: row.actorId })}>
              {row.actorName ?? '未知员工'}
              {row.actorId !== null && (
                <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
                  #{row.actorId}
                </Typography.Text>
              )}
            </Typography.Link>
          </Tooltip>
        ),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 170,
      render: (action: string) => (
        <Tooltip title={action}>
          <Tag color={actionColor(action)}>{auditActionLabel(action)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: '对象',
      key: 'entity',
      width: 140,
      render: (_, row) => (
        <span>
          {auditEntityLabel(row.entityType)}
          {row.entityId && <Typography.Text type="secondary"> #{row.entityId}</Typography.Text>}
        </span>
      ),
    },
    {
      title: 'IP',
      dataIndex: 'ip',
      width: 140,
      render: (ip: string | null) => ip ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '请求编号',
      dataIndex: 'requestId',
      ellipsis: true,
      render: (id: string | null) =>
        id ? (
          <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {id}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  const data = list.data;
  return (
    <>
      <PageHeader
        title="操作日志"
        description="记录每一次员工写操作：谁、在何时、从何处、改了什么。展开一行查看变更前后对比。"
      />
      <Card variant="borderless">
        <div style={{ marginBottom: 16 }}>
          <AuditFilters query={query} onChange={(patch) => setQuery(patch)} onReset={() => setParams({})} />
        </div>
        {list.isError && !data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<AuditLogEntry>
            rowKey="id"
            columns={columns}
            dataSource={data?.items}
            loading={list.isFetching}
            scroll={{ x: 1000 }}
            data-testid="audit-table"
            expandable={{
              expandedRowRender: (row) => <AuditDiff entry={row} />,
              rowExpandable: (row) => row.before !== null || row.after !== null,
            }}
            locale={{
              emptyText: list.isPending ? (
                <div style={{ height: 160 }} />
              ) : (
                <Empty description={filtered ? '没有符合条件的操作记录' : '暂无操作记录'}>
                  {filtered && <Button onClick={() => setParams({})}>清除筛选</Button>}
                </Empty>
              ),
            }}
            pagination={tablePagination({
              page: query.page,
              pageSize: query.pageSize,
              total: data?.total,
              describeTotal: (total) => `共 ${total} 条记录`,
              onChange: (next) => setQuery(next, false),
            })}
          />
        )}
      </Card>
    </>
  );
}
