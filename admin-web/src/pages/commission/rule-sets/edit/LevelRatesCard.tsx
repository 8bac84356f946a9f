import { Card, Empty, Form, InputNumber, Table, Tag, Typography } from 'antd';
import type { FormListFieldData, TableColumnsType } from 'antd';
import type { LeaderLevel } from '@linli/shared-types';
import { formatRate } from '../../../leaders/levels-service';
import { RATE_INPUT } from './inputs';

/**
 * 等级比例: one row per leader level; an empty rate means the level earns the default rate. A rate kept
 * for a level deleted since is shown so it can be cleared.
 */
export function LevelRatesCard({ levels }: { levels: LeaderLevel[] }) {
  const byId = new Map(levels.map((l) => [l.id, l]));
  const form = Form.useFormInstance();

  return (
    <Card
      variant="borderless"
      title="等级佣金比例"
      extra={<Typography.Text type="secondary">留空的等级按默认比例计佣</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      <Form.List name="levelRates">
        {(fields, _ops, { errors }) => {
          const columns: TableColumnsType<FormListFieldData> = [
            {
              title: '团长等级',
              key: 'level',
              render: (_, field) => {
                const levelId = form.getFieldValue(['levelRates', field.name, 'levelId']) as number;
                const level = byId.get(levelId);
                return level ? (
                  <span>
                    <Tag bordered={false}>{level.rank}</Tag>
                    <Typography.Text strong>{level.name}</Typography.Text>
                  </span>
                ) : (
                  // With no levels loaded (no leaders.read) the id is all there is to show.
                  <Typography.Text type={levels.length > 0 ? 'warning' : 'secondary'}>
                    {levels.length > 0 ? `已删除的等级 #${levelId}` : `等级 #${levelId}`}
                  </Typography.Text>
                );
              },
            },
            {
              title: '等级自身比例',
              key: 'own',
              width: 130,
              render: (_, field) => {
                const level = byId.get(form.getFieldValue(['levelRates', field.name, 'levelId']) as number);
                return (
                  <Typography.Text type="secondary">
                    {level ? formatRate(level.commissionRateBps) : '—'}
                  </Typography.Text>
                );
              },
            },
            {
              title: '本方案比例',
              key: 'rate',
              width: 200,
              render: (_, field) => (
                <Form.Item name={[field.name, 'ratePercent']} style={{ marginBottom: 0 }}>
                  <InputNumber
                    {...RATE_INPUT}
                    placeholder="按默认比例"
                    style={{ width: '100%' }}
                    data-testid="level-rate-input"
                    data-level-id={form.getFieldValue(['levelRates', field.name, 'levelId']) as number}
                  />
                </Form.Item>
              ),
            },
          ];
          return (
            <>
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                columns={columns}
                dataSource={fields}
                pagination={false}
                data-testid="level-rates"
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description="还没有团长等级：所有团长按默认比例计佣"
                    />
                  ),
                }}
              />
              <Form.ErrorList errors={errors} />
            </>
          );
        }}
      </Form.List>
    </Card>
  );
}
