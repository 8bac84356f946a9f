import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  EyeOutlined,
  PlusOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { RuleSetView } from '@linli/shared-types';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../session/hooks';
import { TimeCell } from '../../orders/detail/RecordsCard';
import { shanghaiTime } from '../../orders/service';
import { RuleSetStatusTags } from '../components/CommissionTags';
import { isSinceAlways, ruleSetVersionLabel } from '../format';
import { commissionKeys, fetchRuleSets } from '../service';
import { PublishModal, type PublishTarget } from './PublishModal';
import { useRuleSetActions } from './useRuleSetActions';

const muted = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

/** 佣金方案: every version, newest first; drafts are edited, published ones copied into a new draft. */
export default function RuleSetsPage() {
  const canWrite = usePermission('commission.write');
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState<PublishTarget | null>(null);
  const list = useQuery({ queryKey: commissionKeys.ruleSets, queryFn: fetchRuleSets });
  const { copy, remove } = useRuleSetActions();

  const columns: TableColumnsType<RuleSetView> = [
    {
      title: '版本',
      key: 'version',
      width: 80,
      render: (_, set) => (
        <Typography.Text strong={set.version !== null} type={set.version === null ? 'secondary' : undefined}>
          {ruleSetVersionLabel(set)}
        </Typography.Text>
      ),
    },
    {
      title: '方案名称',
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, set) => (
        <Link
          to={`/commission/rule-sets/${set.id}`}
          onClick={(e) => e.stopPropagation()}
          data-testid="rule-set-row-name"
        >
          {name}
        </Link>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, set) => <RuleSetStatusTags set={set} />,
    },
    {
      title: '生效时间',
      dataIndex: 'effectiveFrom',
      width: 150,
      render: (iso: string | null) =>
        !iso ? muted('发布时设定') : isSinceAlways(iso) ? '一直有效' : shanghaiTime(iso),
    },
    {
      title: '发布',
      key: 'published',
      width: 150,
      render: (_, set) =>
        set.publishedAt ? (
          <TimeCell
            time={set.publishedBy ?? '—'}
            caption={isSinceAlways(set.publishedAt) ? '系统初始化' : shanghaiTime(set.publishedAt)}
          />
        ) : (
          muted('未发布')
        ),
    },
    {
      title: '创建时间',
      dataIndex: 'createdAt',
      width: 150,
      render: (iso: string) => <span style={{ whiteSpace: 'nowrap' }}>{shanghaiTime(iso)}</span>,
    },
    {
      title: '操作',
      key: 'actions',
      width: canWrite ? 230 : 80,
      render: (_, set) => {
        const draft = set.status === 'draft';
        return (
          <Space size={0} wrap onClick={(e) => e.stopPropagation()}>
            <Link to={`/commission/rule-sets/${set.id}`}>
              <Button
                type="link"
                size="small"
                icon={draft && canWrite ? <EditOutlined /> : <EyeOutlined />}
                data-testid="rule-set-open"
              >
                {draft && canWrite ? '编辑' : '查看'}
              </Button>
            </Link>
            {canWrite && draft && (
              <Button
                type="link"
                size="small"
                icon={<SendOutlined />}
                onClick={() => setPublishing({ id: set.id, name: set.name })}
                data-testid="rule-set-publish"
              >
                发布
              </Button>
            )}
            {canWrite && (
              <Button
                type="link"
                size="small"
                icon={<CopyOutlined />}
                loading={copy.isPending && copy.variables?.id === set.id}
                onClick={() => copy.mutate(set)}
                data-testid="rule-set-copy"
              >
                复制
              </Button>
            )}
            {canWrite && draft && (
              <Popconfirm
                title={`删除草稿「${set.name}」？`}
                description="删除后不可恢复"
                okText="删除"
                okButtonProps={{ danger: true, ...{ 'data-testid': 'rule-set-delete-confirm' } }}
                cancelText="取消"
                onConfirm={() => remove.mutateAsync(set).catch(() => undefined)}
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  data-testid="rule-set-delete"
                >
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const newButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => navigate('/commission/rule-sets/new')}
      data-testid="rule-set-create"
    >
      新建方案
    </Button>
  );

  return (
    <>
      <PageHeader
        title="佣金方案"
        description="团长佣金按方案计算：订单完成时按当时生效的方案计佣，每笔佣金都记录所用方案版本。"
        extra={canWrite && newButton}
      />
      <Card variant="borderless">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            {(list.data?.length ?? 0) > 0 && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message="草稿可以随时修改和试算；发布时设定生效时间，发布后不可修改。需要调整时复制为新草稿，改好后再发布新版本。"
              />
            )}
            <Table<RuleSetView>
              rowKey="id"
              columns={columns}
              dataSource={list.data}
              loading={list.isFetching}
              pagination={false}
              tableLayout="fixed"
              scroll={{ x: 1040 }}
              data-testid="rule-sets-table"
              onRow={(set) => ({
                onClick: () => navigate(`/commission/rule-sets/${set.id}`),
                style: { cursor: 'pointer' },
              })}
              locale={{
                emptyText: list.isPending ? (
                  <div style={{ height: 160 }} />
                ) : (
                  <Empty
                    description="还没有佣金方案：新建并发布一个方案后，团长完成的订单按它计算佣金"
                    data-testid="rule-sets-empty"
                  >
                    {canWrite && newButton}
                  </Empty>
                ),
              }}
            />
          </>
        )}
      </Card>
      <PublishModal target={publishing} onClose={() => setPublishing(null)} />
    </>
  );
}
