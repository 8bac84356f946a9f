import { Link } from 'react-router-dom';
import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { LeaderStatus, RecruitView } from '@linli/shared-types';
import { formatDateTime } from '../service';
import { LeaderStatusBadge } from './LeaderStatusBadge';

const columns: TableColumnsType<RecruitView> = [
  {
    title: '团长',
    dataIndex: 'name',
    render: (name: string, row) => <Link to={`/leaders/${row.leaderId}`}>{name}</Link>,
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 110,
    render: (status: LeaderStatus) => <LeaderStatusBadge status={status} />,
  },
  {
    title: '自提点',
    dataIndex: 'pickupPointName',
    render: (name: string | null) => name ?? <Typography.Text type="secondary">—</Typography.Text>,
  },
  { title: '申请时间', dataIndex: 'appliedAt', width: 160, render: (iso: string) => formatDateTime(iso) },
];

/** Direct recruits (one level down), newest first, as the server sends them (at most 100). */
export function RecruitsTable({ recruits, total }: { recruits: RecruitView[]; total: number }) {
  return (
    <Table<RecruitView>
      rowKey="leaderId"
      size="middle"
      columns={columns}
      dataSource={recruits}
      pagination={recruits.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      data-testid="leader-recruits"
      footer={
        total > recruits.length
          ? () => (
              <Typography.Text type="secondary">
                共 {total} 名直推团员，此处显示最近的 {recruits.length} 名
              </Typography.Text>
            )
          : undefined
      }
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有通过其邀请码加入的团长" />,
      }}
    />
  );
}
