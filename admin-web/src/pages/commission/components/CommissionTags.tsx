import { Badge, Space, Tag } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import {
  COMMISSION_ENTRY_STATUS_LABELS,
  COMMISSION_ENTRY_TYPE_LABELS,
  WITHDRAWAL_STATUS_LABELS,
  type CommissionEntryStatus,
  type CommissionEntryType,
  type RuleSetView,
  type WithdrawalStatus,
} from '@linli/shared-types';
import {
  ENTRY_STATUS_COLORS,
  ENTRY_TYPE_COLORS,
  RULE_SET_STATUS_LABELS,
  WITHDRAWAL_STATUS_COLORS,
} from '../../../labels/commission';
import { ruleSetPhase } from '../format';

export function EntryTypeTag({ type }: { type: CommissionEntryType }) {
  return (
    <Tag color={ENTRY_TYPE_COLORS[type]} bordered={false} data-testid="entry-type" data-type={type}>
      {COMMISSION_ENTRY_TYPE_LABELS[type] ?? type}
    </Tag>
  );
}

export function EntryStatusTag({ status }: { status: CommissionEntryStatus }) {
  return (
    <Tag color={ENTRY_STATUS_COLORS[status]} bordered={false} data-testid="entry-status" data-status={status}>
      {COMMISSION_ENTRY_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

export function WithdrawalStatusTag({ status }: { status: WithdrawalStatus }) {
  return (
    <Tag
      color={WITHDRAWAL_STATUS_COLORS[status]}
      icon={status === 'paying' ? <SyncOutlined spin /> : undefined}
      bordered={false}
      data-testid="withdrawal-status"
      data-status={status}
    >
      {WITHDRAWAL_STATUS_LABELS[status] ?? status}
    </Tag>
  );
}

const PHASE = {
  current: { status: 'success', text: '当前生效' },
  scheduled: { status: 'processing', text: '待生效' },
  superseded: { status: 'default', text: '已被替代' },
} as const;

/** 草稿 / 已发布, and for a published set where it stands today (当前生效 / 待生效 / 已被替代). */
export function RuleSetStatusTags({
  set,
}: {
  set: Pick<RuleSetView, 'status' | 'current' | 'effectiveFrom'>;
}) {
  const phase = ruleSetPhase(set);
  return (
    <Space size={6} wrap>
      <Tag
        color={set.status === 'draft' ? 'default' : 'blue'}
        bordered={false}
        style={{ marginInlineEnd: 0 }}
        data-testid="rule-set-status"
        data-status={set.status}
      >
        {RULE_SET_STATUS_LABELS[set.status]}
      </Tag>
      {phase && (
        <Badge
          status={PHASE[phase].status}
          text={PHASE[phase].text}
          data-testid={phase === 'current' ? 'rule-set-current' : 'rule-set-phase'}
          data-phase={phase}
        />
      )}
    </Space>
  );
}
