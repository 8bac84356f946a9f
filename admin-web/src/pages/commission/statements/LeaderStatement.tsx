import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatFen, type CommissionStatement } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { useFileDownload } from '../../../components/useFileDownload';
import { PermittedLink } from '../../orders/components/PermittedLink';
import { EntriesTable } from '../components/EntriesTable';
import { SignedAmount } from '../components/SignedAmount';
import { downloadStatement, type StatementQuery } from '../service';
import { statementFileName, totalsAddUp, typeTotalRows } from '../statement-view';
import { StatementHeader } from './StatementHeader';

type OrderRow = CommissionStatement['orders'][number];

const orderColumns: TableColumnsType<OrderRow> = [
  {
    title: '订单号',
    key: 'orderNo',
    render: (_, o) => (
      <PermittedLink to={`/orders/${o.orderId}`} permission="orders.read" testId="statement-order-no">
        <span style={{ fontFamily: 'monospace', fontSize: 13 }}>{o.orderNo}</span>
      </PermittedLink>
    ),
  },
  {
    title: '实付金额',
    dataIndex: 'paidAmount',
    width: 140,
    align: 'right',
    render: (fen: number) => formatFen(fen),
  },
  {
    title: '佣金',
    dataIndex: 'commission',
    width: 140,
    align: 'right',
    render: (fen: number) => <SignedAmount amount={fen} />,
  },
];

/** One leader's statement for a day, week or month: totals by type, the orders, and every entry. */
export function LeaderStatement({
  query,
  statement,
}: {
  query: StatementQuery | null;
  statement: UseQueryResult<CommissionStatement>;
}) {
  const download = useFileDownload();

  if (!query)
    return (
      <Empty
        description="选择团长后查看其对账单"
        style={{ padding: '48px 0' }}
        data-testid="statement-pick-leader"
      />
    );
  if (statement.isError)
    return <LoadError error={statement.error} onRetry={() => void statement.refetch()} />;
  if (!statement.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const s = statement.data;
  return (
    <div data-testid="leader-statement">
      <StatementHeader
        title={s.leaderName}
        period={s.period}
        from={s.from}
        to={s.to}
        downloading={download.isPending}
        onDownload={() =>
          download.mutate({
            fetch: () => downloadStatement(query),
            fallbackName: statementFileName('leader', s, s.leaderName),
          })
        }
        downloadTestId="statement-download"
      />
      {!totalsAddUp(s.totals) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="对账单合计与明细不一致，请联系技术支持核查后再据此结算"
          data-testid="statement-mismatch"
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <Card variant="borderless" style={{ background: '#f0fdf4' }}>
            <Statistic title="本期佣金合计" value={formatFen(s.totals.total)} data-testid="statement-total" />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card variant="borderless" style={{ background: '#f8fafc' }}>
            <Statistic
              title="订单佣金"
              value={formatFen(s.totals.ordersTotal)}
              data-testid="statement-orders-total"
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card variant="borderless" style={{ background: '#f8fafc' }}>
            <Statistic
              title="非订单条目"
              value={formatFen(s.totals.withoutOrder)}
              data-testid="statement-without-order"
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card variant="borderless" style={{ background: '#f8fafc' }}>
            <Statistic
              title="订单数"
              value={s.orders.length}
              suffix="单"
              data-testid="statement-order-count"
            />
          </Card>
        </Col>
      </Row>
      <Descriptions
        title="按类型"
        bordered
        size="small"
        column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}
        style={{ marginBottom: 24 }}
        data-testid="statement-by-type"
        items={typeTotalRows(s.totals.byType).map((t) => ({
          key: t.type,
          label: t.label,
          children:
            t.amount === 0 ? (
              <Typography.Text type="secondary" data-testid={`statement-type-${t.type}`}>
                {formatFen(0)}
              </Typography.Text>
            ) : (
              <SignedAmount amount={t.amount} testId={`statement-type-${t.type}`} />
            ),
        }))}
      />
      <Typography.Title level={5}>订单（{s.orders.length}）</Typography.Title>
      <Table<OrderRow>
        rowKey="orderId"
        size="small"
        columns={orderColumns}
        dataSource={s.orders}
        tableLayout="fixed"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        style={{ marginBottom: 24 }}
        data-testid="statement-orders"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期没有订单佣金" /> }}
        summary={() =>
          s.orders.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {formatFen(s.orders.reduce((sum, o) => sum + o.paidAmount, 0))}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <SignedAmount amount={s.totals.ordersTotal} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Title level={5}>流水（{s.entries.length}）</Typography.Title>
      <EntriesTable
        entries={s.entries}
        showLeader={false}
        testId="statement-entries"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期没有佣金流水" />}
      />
    </div>
  );
}
