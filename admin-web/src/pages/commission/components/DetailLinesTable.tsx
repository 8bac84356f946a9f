import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { formatFen, type CommissionDetailLine } from '@linli/shared-types';
import { formatRate } from '../../leaders/levels-service';
import { formatExactFen } from '../format';

const dash = <Typography.Text type="secondary">—</Typography.Text>;

type Row = CommissionDetailLine & { key: number };

const columns: TableColumnsType<Row> = [
  { title: '项目', dataIndex: 'label', ellipsis: true },
  {
    title: '计佣基数',
    dataIndex: 'baseFen',
    width: 110,
    align: 'right',
    render: (fen: number | null) => (fen === null ? dash : formatFen(fen)),
  },
  {
    title: '比例',
    dataIndex: 'rateBps',
    width: 80,
    align: 'right',
    render: (bps: number | null) => (bps === null ? dash : formatRate(bps)),
  },
  {
    title: '固定 × 件数',
    key: 'fixed',
    width: 120,
    align: 'right',
    render: (_, line) => (line.fixedFen === null ? dash : `${formatFen(line.fixedFen)} × ${line.units ?? 0}`),
  },
  {
    title: '金额',
    dataIndex: 'amount',
    width: 110,
    align: 'right',
    render: (amount: number) => <span data-testid="detail-line-amount">{formatExactFen(amount)}</span>,
  },
  {
    title: '规则',
    dataIndex: 'rule',
    width: 100,
    render: (rule: string) => (
      <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
        {rule}
      </Tag>
    ),
  },
];

/**
 * How one entry was computed, line by line: the amount each rule applied to and what it gave. Lines keep
 * fractions of a fen; the entry itself is rounded once (see docs/commission.md).
 */
export function DetailLinesTable({ lines }: { lines: CommissionDetailLine[] }) {
  return (
    <Table<Row>
      size="small"
      columns={columns}
      // Lines have no id of their own; their order is their identity.
      dataSource={lines.map((line, key) => ({ ...line, key }))}
      pagination={false}
      tableLayout="fixed"
      data-testid="entry-details"
      locale={{ emptyText: '没有计算明细' }}
    />
  );
}
