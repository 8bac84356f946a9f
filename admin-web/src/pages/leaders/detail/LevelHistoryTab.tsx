import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  formatFen,
  LEVEL_CHANGE_KIND_LABELS,
  type LeaderDetail,
  type LeaderLevelChange,
} from '@linli/shared-types';
import { CHANGE_KIND_COLORS } from '../levels-service';
import { formatDateTime } from '../service';

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

const columns: TableColumnsType<LeaderLevelChange> = [
  {
    title: '时间',
    dataIndex: 'createdAt',
    width: 150,
    onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
    render: (iso: string) => formatDateTime(iso),
  },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 100,
    render: (kind: LeaderLevelChange['kind']) => (
      <Tag color={CHANGE_KIND_COLORS[kind]} data-testid="level-change-kind">
        {LEVEL_CHANGE_KIND_LABELS[kind]}
      </Tag>
    ),
  },
  {
    title: '等级变化',
    key: 'change',
    width: 200,
    render: (_, row) => (
      <span>
        {row.fromLevelId === null ? muted('无') : (row.fromLevelName ?? muted('已删除'))}
        <Typography.Text type="secondary"> → </Typography.Text>
        <Typography.Text strong>{row.toLevelName ?? '已删除'}</Typography.Text>
      </span>
    ),
  },
  {
    title: '原因',
    dataIndex: 'reason',
    render: (reason: string) => <span data-testid="level-change-reason">{reason}</span>,
  },
  {
    title: '当时数据',
    key: 'figures',
    width: 170,
    render: (_, row) =>
      row.gmv30dFen === null ? (
        muted('—')
      ) : (
        <div style={{ lineHeight: 1.7 }}>
          <div>GMV {formatFen(row.gmv30dFen)}</div>
          <Typography.Text type="secondary">活跃客户 {row.activeCustomers30d ?? 0} 人</Typography.Text>
        </div>
      ),
  },
  {
    title: '操作人',
    key: 'actor',
    width: 120,
    render: (_, row) =>
      row.actorType === 'system' ? (
        <Tag bordered={false}>{row.actorName ?? '系统'}</Tag>
      ) : (
        (row.actorName ?? '—')
      ),
  },
];

/** 等级记录: every level change, newest first. */
export function LevelHistoryTab({ leader }: { leader: LeaderDetail }) {
  return (
    <Card variant="borderless">
      <Table<LeaderLevelChange>
        rowKey="id"
        columns={columns}
        dataSource={leader.levelHistory}
        pagination={leader.levelHistory.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        data-testid="level-history-table"
        locale={{
          emptyText: <Empty description="还没有等级变动：审核通过或每日评估后会在这里记录" />,
        }}
      />
    </Card>
  );
}
