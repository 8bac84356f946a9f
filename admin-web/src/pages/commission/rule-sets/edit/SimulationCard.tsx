import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { formatFen, type RuleSetSimulation } from '@linli/shared-types';
import { useApiFeedback } from '../../../../components/useApiFeedback';
import { shanghaiToday } from '../../../orders/service';
import { SignedAmount } from '../../components/SignedAmount';
import { describeChange, toSimulationRequest } from '../../preview-form';
import { simulateRuleSet } from '../../service';

type Change = RuleSetSimulation['biggestChanges'][number];

const columns: TableColumnsType<Change> = [
  { title: '团长', dataIndex: 'leaderName', ellipsis: true },
  {
    title: '实际',
    dataIndex: 'recordedFen',
    width: 96,
    align: 'right',
    render: (fen: number) => formatFen(fen),
  },
  {
    title: '模拟',
    dataIndex: 'simulatedFen',
    width: 96,
    align: 'right',
    render: (fen: number) => formatFen(fen),
  },
  {
    title: '变化',
    key: 'diff',
    width: 96,
    align: 'right',
    render: (_, c) => <SignedAmount amount={c.simulatedFen - c.recordedFen} />,
  },
];

/**
 * 历史订单模拟: what the orders completed in a past range would have earned under this (saved) rule set,
 * next to what they did earn, so finance sees what a draft costs before publishing it.
 */
export function SimulationCard({ ruleSetId, unsaved }: { ruleSetId: number | null; unsaved: boolean }) {
  const { showError } = useApiFeedback();
  const today = dayjs(shanghaiToday());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([today.subtract(29, 'day'), today]);
  const simulate = useMutation({
    mutationFn: ([from, to]: [Dayjs, Dayjs]) =>
      simulateRuleSet(ruleSetId!, toSimulationRequest(from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'))),
    onError: showError,
  });
  const result = simulate.data;

  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <HistoryOutlined />
          历史订单模拟
        </Space>
      }
      data-testid="simulation-card"
    >
      {ruleSetId === null ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="保存草稿后，可用历史订单模拟此方案的佣金" />
      ) : (
        <Flex vertical gap={16}>
          {unsaved && (
            <Alert type="warning" showIcon message="模拟按已保存的方案计算：有未保存的修改时请先保存" />
          )}
          <Flex gap={8} wrap>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              disabledDate={(d) => d.isAfter(today, 'day')}
              presets={[
                { label: '最近 7 天', value: [today.subtract(6, 'day'), today] },
                { label: '最近 30 天', value: [today.subtract(29, 'day'), today] },
                {
                  label: '上个月',
                  value: [
                    today.subtract(1, 'month').startOf('month'),
                    today.subtract(1, 'month').endOf('month'),
                  ],
                },
              ]}
              onChange={(values) => values?.[0] && values[1] && setRange([values[0], values[1]])}
              style={{ flex: 1, minWidth: 220 }}
              data-testid="simulation-range"
            />
            <Button
              type="primary"
              loading={simulate.isPending}
              onClick={() => simulate.mutate(range)}
              data-testid="simulation-run"
            >
              开始模拟
            </Button>
          </Flex>
          {result && (
            <div data-testid="simulation-result">
              <Row gutter={[16, 16]}>
                <Col span={12}>
                  <Statistic
                    title="完成订单"
                    value={result.orders}
                    suffix="单"
                    data-testid="simulation-orders"
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title="涉及团长"
                    value={result.leaders}
                    suffix="名"
                    data-testid="simulation-leaders"
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title="实际佣金"
                    value={formatFen(result.recordedFen)}
                    data-testid="simulation-recorded"
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title="模拟佣金"
                    value={formatFen(result.simulatedFen)}
                    valueStyle={{ color: '#16a34a' }}
                    data-testid="simulation-simulated"
                  />
                </Col>
              </Row>
              <Typography.Paragraph style={{ margin: '12px 0' }}>
                变化{' '}
                <Typography.Text strong data-testid="simulation-change">
                  {describeChange(result.recordedFen, result.simulatedFen)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                  订单佣金与推荐奖励合计 · 用时 {(result.elapsedMs / 1000).toFixed(1)} 秒
                </Typography.Text>
              </Typography.Paragraph>
              <Table<Change>
                rowKey="leaderId"
                size="small"
                columns={columns}
                dataSource={result.biggestChanges}
                pagination={false}
                tableLayout="fixed"
                title={() => <Typography.Text strong>变化最大的团长</Typography.Text>}
                locale={{ emptyText: '所选时间内没有完成的订单' }}
                data-testid="simulation-changes"
              />
            </div>
          )}
        </Flex>
      )}
    </Card>
  );
}
