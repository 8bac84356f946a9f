import type { ReactNode } from 'react';
import { Card, Empty, Table, Typography, type TableColumnsType } from 'antd';

/** An order's records at the payment provider (支付记录, 退款记录): a compact table, no paging. */
export function RecordsCard<T extends { id: number }>({
  title,
  rows,
  columns,
  minWidth,
  emptyText,
  testId,
}: {
  title: string;
  rows: T[];
  columns: TableColumnsType<T>;
  /** Below it the table scrolls sideways rather than squeezing the ids. */
  minWidth: number;
  emptyText: string;
  testId: string;
}) {
  return (
    <Card title={title} variant="borderless">
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="middle"
        tableLayout="fixed"
        scroll={{ x: minWidth }}
        data-testid={testId}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      />
    </Card>
  );
}

/** A record's time, with what happened then in grey under it. */
export function TimeCell({ time, caption }: { time: ReactNode; caption: ReactNode }) {
  return (
    <div style={{ fontSize: 13 }}>
      {time}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {caption}
      </Typography.Text>
    </div>
  );
}
