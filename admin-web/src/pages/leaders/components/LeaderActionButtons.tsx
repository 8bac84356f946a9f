import { Button, Popconfirm, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { LeaderStatus } from '@linli/shared-types';
import { actionsFor } from '../service';
import type { ReasonTarget } from './ReasonModal';
import type { LeaderActionVariables } from './useLeaderActions';

interface Props {
  leader: { id: number; name: string; status: LeaderStatus };
  /** The mutation of useLeaderActions. */
  run: (variables: LeaderActionVariables) => Promise<unknown>;
  /** Reject and suspend ask for a reason first. */
  askReason: (target: ReasonTarget) => void;
  /** Links in a table row, buttons in a page header. */
  compact?: boolean;
  busy?: boolean;
}

/** The buttons a leader's status allows; render only for staff holding leaders.write. */
export function LeaderActionButtons({ leader, run, askReason, compact, busy }: Props) {
  const type = compact ? 'link' : 'default';
  const size = compact ? 'small' : 'middle';
  const confirm = (action: 'approve' | 'reactivate') => run({ leader, action }).catch(() => undefined);

  const buttons = actionsFor(leader.status).map((action) => {
    switch (action) {
      case 'approve':
        return (
          <Popconfirm
            key={action}
            title={`通过 ${leader.name} 的团长申请？`}
            description="通过后即成为正常团长，自提点开始接单。"
            okText="通过"
            cancelText="取消"
            onConfirm={() => confirm('approve')}
          >
            <Button
              type={compact ? 'link' : 'primary'}
              size={size}
              icon={compact ? undefined : <CheckOutlined />}
              disabled={busy}
              data-testid="leader-approve"
            >
              通过
            </Button>
          </Popconfirm>
        );
      case 'reject':
        return (
          <Button
            key={action}
            type={type}
            size={size}
            danger
            icon={compact ? undefined : <CloseOutlined />}
            disabled={busy}
            onClick={() => askReason({ leader, action })}
            data-testid="leader-reject"
          >
            拒绝
          </Button>
        );
      case 'suspend':
        return (
          <Button
            key={action}
            type={type}
            size={size}
            danger
            icon={compact ? undefined : <PauseCircleOutlined />}
            disabled={busy}
            onClick={() => askReason({ leader, action })}
            data-testid="leader-suspend"
          >
            停用
          </Button>
        );
      case 'reactivate':
        return (
          <Popconfirm
            key={action}
            title={`恢复团长 ${leader.name}？`}
            description="恢复后自提点重新接单。"
            okText="恢复"
            cancelText="取消"
            onConfirm={() => confirm('reactivate')}
          >
            <Button
              type={compact ? 'link' : 'primary'}
              size={size}
              icon={compact ? undefined : <PlayCircleOutlined />}
              disabled={busy}
              data-testid="leader-reactivate"
            >
              恢复
            </Button>
          </Popconfirm>
        );
    }
  });

  if (buttons.length === 0) return null;
  return compact ? (
    <Space size={0} split={<Typography.Text type="secondary">|</Typography.Text>}>
      {buttons}
    </Space>
  ) : (
    <Space>{buttons}</Space>
  );
}
