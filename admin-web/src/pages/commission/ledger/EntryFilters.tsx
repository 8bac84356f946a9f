import { Button, Select, Space, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  COMMISSION_ENTRY_STATUS_LABELS,
  COMMISSION_ENTRY_TYPE_LABELS,
  type CommissionEntryStatus,
  type CommissionEntryType,
} from '@linli/shared-types';
import { DayRangeFilter, KeywordSearch } from '../../../components/ListFilters';
import { usePermission } from '../../../session/hooks';
import { LeaderFilterSelect } from '../../orders/components/FilterSelects';
import { shanghaiToday } from '../../orders/service';
import { ENTRY_STATUSES, ENTRY_TYPES, ORDER_NO_MAX, type LedgerSearch } from '../ledger-query';

const TYPE_OPTIONS = ENTRY_TYPES.map((value) => ({ value, label: COMMISSION_ENTRY_TYPE_LABELS[value] }));
const STATUS_OPTIONS = ENTRY_STATUSES.map((value) => ({
  value,
  label: COMMISSION_ENTRY_STATUS_LABELS[value],
}));

/**
 * 流水 filters: leader, type, status, order number and completed days. The leader picker searches the leader
 * list (leaders.read); without it a leader id from a link still filters and shows as a removable tag.
 */
export function EntryFilters({
  search,
  leaderName,
  onChange,
  onReset,
}: {
  search: LedgerSearch;
  leaderName: string | null;
  onChange: (patch: Partial<LedgerSearch>) => void;
  onReset: () => void;
}) {
  const canPickLeader = usePermission('leaders.read');
  return (
    <Space wrap size={[12, 12]}>
      {canPickLeader ? (
        <LeaderFilterSelect
          value={search.leaderId}
          selectedName={leaderName}
          placeholder="团长"
          style={{ width: 180 }}
          onChange={(leaderId) => onChange({ leaderId })}
          data-testid="entry-filter-leader"
        />
      ) : (
        search.leaderId && (
          <Tag
            closable
            color="green"
            onClose={(e) => {
              e.preventDefault();
              onChange({ leaderId: undefined });
            }}
            style={{ padding: '4px 10px', fontSize: 13, marginInlineEnd: 0 }}
            data-testid="entry-filter-leader"
          >
            团长：{leaderName ?? `#${search.leaderId}`}
          </Tag>
        )
      )}
      <Select<CommissionEntryType>
        value={search.type}
        options={TYPE_OPTIONS}
        placeholder="类型"
        allowClear
        style={{ width: 130 }}
        onChange={(type) => onChange({ type })}
        data-testid="entry-filter-type"
      />
      <Select<CommissionEntryStatus>
        value={search.status}
        options={STATUS_OPTIONS}
        placeholder="状态"
        allowClear
        style={{ width: 120 }}
        onChange={(status) => onChange({ status })}
        data-testid="entry-filter-status"
      />
      <KeywordSearch
        keyword={search.orderNo}
        onSearch={(orderNo) => onChange({ orderNo })}
        placeholder="订单号"
        maxLength={ORDER_NO_MAX}
        width={220}
        data-testid="entry-filter-order"
      />
      <DayRangeFilter
        from={search.from}
        to={search.to}
        today={dayjs(shanghaiToday())}
        placeholder={['起始日期', '截止日期']}
        onChange={(from, to) => onChange({ from, to })}
        data-testid="entry-filter-date"
      />
      <Button icon={<ReloadOutlined />} onClick={onReset} data-testid="entry-filter-reset">
        重置
      </Button>
    </Space>
  );
}
