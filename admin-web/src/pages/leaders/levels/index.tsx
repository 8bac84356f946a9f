import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ErrorCode,
  formatFen,
  type LeaderLevel,
  type LevelCriteria,
  type LevelEvaluationResult,
} from '@linli/shared-types';
import { describeError, isApiError } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../session/hooks';
import { leaderKeys } from '../service';
import {
  deleteLevel,
  evaluateLevels,
  evaluationSummary,
  fetchLevels,
  formatRate,
  levelKeys,
  nextRank,
} from '../levels-service';
import { EvaluationResultCard } from './EvaluationResultCard';
import { LevelModal } from './LevelModal';

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

function Criteria({ criteria, lowest }: { criteria: LevelCriteria; lowest: boolean }) {
  if (lowest) return muted('—');
  return (
    <div style={{ lineHeight: 1.7 }}>
      <div>GMV ≥ {formatFen(criteria.minGmv30dFen)}</div>
      <Typography.Text type="secondary">活跃客户 ≥ {criteria.minActiveCustomers30d} 人</Typography.Text>
    </div>
  );
}

export default function LeaderLevelsPage() {
  const canWrite = usePermission('leaders.write');
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<{ level: LeaderLevel | null } | null>(null);
  const [lastRun, setLastRun] = useState<LevelEvaluationResult | null>(null);

  const levels = useQuery({ queryKey: levelKeys.all, queryFn: fetchLevels });
  const list = levels.data ?? [];
  const lowestId = list[0]?.id;

  const remove = useMutation({
    mutationFn: (level: LeaderLevel) => deleteLevel(level.id),
    onSuccess: (_, level) => {
      void message.success(`已删除「${level.name}」`);
      void queryClient.invalidateQueries({ queryKey: levelKeys.all });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === ErrorCode.LEADER_LEVEL_IN_USE) {
        modal.warning({ title: '无法删除此等级', content: error.message, okText: '知道了' });
      } else {
        void message.error(describeError(error));
      }
      void queryClient.invalidateQueries({ queryKey: levelKeys.all });
    },
  });

  const evaluate = useMutation({
    mutationFn: evaluateLevels,
    onSuccess: (result) => {
      setLastRun(result);
      void message.success(evaluationSummary(result));
      void queryClient.invalidateQueries({ queryKey: levelKeys.all });
      void queryClient.invalidateQueries({ queryKey: leaderKeys.all });
    },
    onError: (error) => void message.error(describeError(error)),
  });

  const columns: TableColumnsType<LeaderLevel> = [
    {
      title: '排序',
      dataIndex: 'rank',
      width: 70,
      align: 'center',
      render: (rank: number) => <Tag bordered={false}>{rank}</Tag>,
    },
    {
      title: '等级名称',
      dataIndex: 'name',
      width: 200,
      render: (name: string, level) => (
        <Space size={6}>
          <Typography.Text strong data-testid="level-row-name">
            {name}
          </Typography.Text>
          {level.id === lowestId && <Tag color="blue">起步等级</Tag>}
        </Space>
      ),
    },
    {
      title: '默认佣金',
      dataIndex: 'commissionRateBps',
      width: 100,
      align: 'right',
      render: (bps: number) => <span data-testid="level-row-rate">{formatRate(bps)}</span>,
    },
    {
      title: '升级门槛（同时达到）',
      key: 'upgrade',
      render: (_, level) => <Criteria criteria={level.upgrade} lowest={level.id === lowestId} />,
    },
    {
      title: '保级门槛（任一不足降一级）',
      key: 'keep',
      render: (_, level) => <Criteria criteria={level.keep} lowest={level.id === lowestId} />,
    },
    {
      title: '团长数',
      dataIndex: 'leaderCount',
      width: 90,
      align: 'right',
      render: (n: number, level) =>
        n > 0 ? <Link to={`/leaders?levelId=${level.id}`}>{n} 名</Link> : muted('0'),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, level: LeaderLevel) => (
              <Space size={4}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ level })}
                  data-testid="level-edit"
                >
                  编辑
                </Button>
                <Popconfirm
                  title={`删除「${level.name}」？`}
                  description={
                    level.leaderCount > 0
                      ? `仍有 ${level.leaderCount} 名团长处于此等级，需先调整他们的等级`
                      : '删除后不可恢复'
                  }
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => remove.mutateAsync(level).catch(() => undefined)}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    data-testid="level-delete"
                  >
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="团长等级"
        description="团长按近30天GMV与活跃客户自动升降级：每天 02:00 自动评估，手动调整过的团长在保级期内不参与。"
        extra={
          canWrite && (
            <Space>
              <Tooltip title="立即按当前门槛评估所有正常团长">
                <Button
                  icon={<ThunderboltOutlined />}
                  loading={evaluate.isPending}
                  onClick={() => evaluate.mutate()}
                  data-testid="levels-evaluate"
                >
                  立即评估
                </Button>
              </Tooltip>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ level: null })}
                data-testid="level-create"
              >
                新建等级
              </Button>
            </Space>
          )
        }
      />
      {lastRun && <EvaluationResultCard result={lastRun} onClose={() => setLastRun(null)} />}
      <Card variant="borderless">
        {levels.isError ? (
          <LoadError error={levels.error} onRetry={() => void levels.refetch()} />
        ) : (
          <>
            {list.length > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="新团长审核通过后进入起步等级；达到更高等级的升级门槛即升级（可跨级），低于当前等级任一保级门槛则降一级。"
              />
            )}
            <Table<LeaderLevel>
              rowKey="id"
              columns={columns}
              dataSource={list}
              loading={levels.isFetching}
              pagination={false}
              data-testid="levels-table"
              locale={{
                emptyText: levels.isPending ? (
                  <div style={{ height: 160 }} />
                ) : (
                  <Empty description="还没有等级：新建一个起步等级，团长审核通过后自动进入">
                    {canWrite && (
                      <Button type="primary" onClick={() => setEditing({ level: null })}>
                        新建等级
                      </Button>
                    )}
                  </Empty>
                ),
              }}
            />
          </>
        )}
      </Card>
      <LevelModal
        open={editing !== null}
        level={editing?.level ?? null}
        suggestedRank={nextRank(list)}
        isLowest={editing?.level != null && editing.level.id === lowestId}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
