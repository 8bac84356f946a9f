import { Alert, Button, Empty, Skeleton, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { COMMISSION_ENTRY_TYPE_LABELS, type StatementSummary } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { useFileDownload } from '../../../components/useFileDownload';
import { SignedAmount } from '../components/SignedAmount';
import {
  commissionKeys,
  downloadStatementSummary,
  fetchStatementSummary,
  type SummaryQuery,
} from '../service';
import { statementFileName, summaryAddsUp, summaryColumns, summaryTypeTotals } from '../statement-view';
import { StatementHeader } from './StatementHeader';

type Row = StatementSummary['rows'][number];

/** 汇总: every leader with entries in the period, their totals by type, and the grand total. */
export function StatementSummaryView({
  query,
  onOpenLeader,
}: {
  query: SummaryQuery;
  onOpenLeader: (leaderId: number) => void;
}) {
  const summary = useQuery({
    queryKey: commissionKeys.summary(query),
    queryFn: () => fetchStatementSummary(query),
  });
  const download = useFileDownload();

  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const data = summary.data;
  const types = summaryColumns(data.rows);
  const totals = summaryTypeTotals(data.rows);
  const columns: TableColumnsType<Row> = [
    {
      title: '团长',
      dataIndex: 'leaderName',
      width: 140,
      fixed: 'left',
      render: (name: string, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onOpenLeader(row.leaderId)}
          data-testid="summary-open-leader"
        >
          {name}
        </Button>
      ),
    },
    { title: '订单数', dataIndex: 'orders', width: 80, align: 'right' },
    ...types.map((type) => ({
      title: COMMISSION_ENTRY_TYPE_LABELS[type],
      key: type,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, row: Row) => <SignedAmount amount={row.byType[type] ?? 0} />,
    })),
    {
      title: '合计',
      dataIndex: 'total',
      width: 120,
      align: 'right',
      render: (fen: number) => <SignedAmount amount={fen} strong testId="summary-row-total" />,
    },
  ];

  return (
    <div data-testid="statement-summary">
      <StatementHeader
        title={`全部团长 · ${data.rows.length} 名`}
        period={data.period}
        from={data.from}
        to={data.to}
        downloading={download.isPending}
        onDownload={() =>
          download.mutate({
            fetch: () => downloadStatementSummary(query),
            fallbackName: statementFileName('summary', data),
          })
        }
        downloadTestId="summary-download"
      />
      {!summaryAddsUp(data) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="汇总合计与各团长合计之和不一致，请联系技术支持核查后再据此结算"
          data-testid="summary-mismatch"
        />
      )}
      <Table<Row>
        rowKey="leaderId"
        size="middle"
        columns={columns}
        dataSource={data.rows}
        tableLayout="fixed"
        scroll={{ x: 340 + types.length * 110 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="summary-table"
        locale={{ emptyText: <Empty description="本期没有团长产生佣金" data-testid="summary-empty" /> }}
        summary={() =>
          data.rows.length > 0 && (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>合计</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {totals.orders}
                </Table.Summary.Cell>
                {types.map((type, i) => (
                  <Table.Summary.Cell key={type} index={i + 2} align="right">
                    <SignedAmount amount={totals[type]} />
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={types.length + 2} align="right">
                  <SignedAmount amount={data.total} strong testId="summary-grand-total" />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </div>
  );
}
