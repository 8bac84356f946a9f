import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  COMMISSION_ENTRY_STATUS_LABELS,
  COMMISSION_ENTRY_TYPE_LABELS,
  type CommissionEntryStatus,
  type CommissionEntryType,
  type CommissionEntryView,
} from '@linli/shared-types';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { fetchCommissionEntries } from '@/services/commission';
import { LeaderGateState } from '../components/leader-gate-state';
import { FilterChips } from '../components/list-filters';
// Stylesheets load in import order, which must agree across pages (mini-css-extract-plugin).
import { SkeletonCard } from '../components/skeleton-card';
import { CommissionEntryRow } from '../components/commission-entry-row';
import { useLeaderPagedList } from '../components/use-leader-paged-list';
import './index.scss';

const PAGE_SIZE = 20;

/** The type chips, in the order a leader thinks of them: earned, taken back, rewards, by hand, paid out. */
const TYPE_ORDER: CommissionEntryType[] = [
  'accrual',
  'reversal',
  'referral',
  'tier_bonus',
  'recruitment_reward',
  'adjustment',
  'withdrawal',
];
const STATUS_ORDER: CommissionEntryStatus[] = ['frozen', 'available', 'settled'];

const typeOf = (value: string | undefined) => TYPE_ORDER.find((type) => type === value);
const statusOf = (value: string | undefined) => STATUS_ORDER.find((status) => status === value);

/** 佣金明细 (?type&status): the leader's ledger, newest first; a tap on an entry shows how it was computed. */
export default function CommissionEntriesPage() {
  const { params } = useRouter();
  const [type, setType] = useState<CommissionEntryType | undefined>(typeOf(params.type));
  const [status, setStatus] = useState<CommissionEntryStatus | undefined>(statusOf(params.status));

  const fetchPage = useCallback(
    (page: number) => fetchCommissionEntries({ type, status, page, pageSize: PAGE_SIZE }),
    [type, status],
  );
  const { phase, error, paged, retry } = useLeaderPagedList(
    fetchPage,
    (entry: CommissionEntryView) => entry.id,
  );
  const { list } = paged;

  if (phase === 'loading' && !list) {
    return (
      <View className="entries-page" id="entries-loading">
        <SkeletonCard lines={[40, 70, 50]} />
        <SkeletonCard lines={[40, 70, 50]} />
        <SkeletonCard lines={[40, 70, 50]} />
      </View>
    );
  }

  if (phase === 'not-leader' || phase === 'signed-out' || (phase === 'error' && !list)) {
    return (
      <View className="entries-page">
        <View className="entries-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="entries"
            activity="查看佣金"
            pageName="佣金明细"
            error={error}
            onRetry={retry}
          />
        </View>
      </View>
    );
  }

  const filtered = type !== undefined || status !== undefined;
  return (
    <View className="entries-page" id="entries-page">
      <FilterChips
        prefix="entries-type"
        allLabel="全部类型"
        options={TYPE_ORDER.map((id) => ({ id, label: COMMISSION_ENTRY_TYPE_LABELS[id] }))}
        value={type}
        onChange={setType}
      />
      <FilterChips
        prefix="entries-status"
        allLabel="全部状态"
        options={STATUS_ORDER.map((id) => ({ id, label: COMMISSION_ENTRY_STATUS_LABELS[id] }))}
        value={status}
        onChange={setStatus}
      />

      {list ? (
        <Text className="entries-total" id="entries-total">
          共 {list.total} 笔{filtered ? '（已筛选）' : ''}，点一笔查看怎么算的
        </Text>
      ) : null}

      {!list ? (
        <View id="entries-list-loading">
          <SkeletonCard lines={[40, 70, 50]} />
          <SkeletonCard lines={[40, 70, 50]} />
        </View>
      ) : list.items.length === 0 ? (
        <View className="entries-panel">
          <StateView
            id="entries-empty"
            illustration="receipt"
            title={filtered ? '没有符合条件的明细' : '还没有佣金明细'}
            description={filtered ? '换个类型或状态试试' : '买家在你的自提点提货后，佣金会记在这里'}
          />
        </View>
      ) : (
        <View id="entries-list">
          {list.items.map((entry) => (
            <CommissionEntryRow key={entry.id} entry={entry} idPrefix="entry" />
          ))}
          <ListFooter paged={paged} idPrefix="entries" className="entries-footer" />
        </View>
      )}
    </View>
  );
}
