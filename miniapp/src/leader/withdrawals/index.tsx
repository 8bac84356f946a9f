import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type WithdrawalView } from '@linli/shared-types';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { COMMISSION_URL, fetchWithdrawals } from '@/services/commission';
import { payoutSettlingSoon } from '@/utils/commission';
import { LeaderGateState } from '../components/leader-gate-state';
import { SkeletonCard } from '../components/skeleton-card';
import { useLeaderPagedList } from '../components/use-leader-paged-list';
import { useRefreshWhile } from '../components/use-refresh-while';
// Stylesheets load in import order, which must agree across pages (mini-css-extract-plugin).
import { WithdrawalCard } from '../components/withdrawal-card';
import { useConfirmReceipt } from '../components/use-confirm-receipt';
import './index.scss';

const PAGE_SIZE = 20;

/** 提现记录: every withdrawal, newest first, with why one failed and 确认收款 where WeChat waits for it. */
export default function WithdrawalsPage() {
  const fetchPage = useCallback((page: number) => fetchWithdrawals(page, PAGE_SIZE), []);
  const { phase, error, paged, retry } = useLeaderPagedList(fetchPage, (w: WithdrawalView) => w.id);
  const { list, load } = paged;
  const receipt = useConfirmReceipt(() => void load(1));
  // Only the newest can be on its way (one open withdrawal at a time).
  const settling = Boolean(list?.items[0] && payoutSettlingSoon(list.items[0]));
  useRefreshWhile(settling && receipt.sheet === null, () => void load(1), list);

  if (phase === 'loading' && !list) {
    return (
      <View className="wds-page" id="withdrawals-loading">
        <SkeletonCard lines={[40, 70, 60]} />
        <SkeletonCard lines={[40, 70, 60]} />
      </View>
    );
  }

  if (phase === 'not-leader' || phase === 'signed-out' || (phase === 'error' && !list)) {
    return (
      <View className="wds-page">
        <View className="wds-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="withdrawals"
            activity="提现"
            pageName="提现记录"
            error={error}
            onRetry={retry}
          />
        </View>
      </View>
    );
  }

  return (
    <View className="wds-page" id="withdrawals-page">
      {!list ? (
        <SkeletonCard lines={[40, 70, 60]} />
      ) : list.items.length === 0 ? (
        <View className="wds-panel">
          <StateView
            id="withdrawals-empty"
            illustration="receipt"
            title="还没有提现记录"
            description="可提现的佣金满最低金额后，就可以在「我的佣金」里提现"
            actionText="去我的佣金"
            actionId="withdrawals-go-commission"
            onAction={() => void Taro.redirectTo({ url: COMMISSION_URL })}
          />
        </View>
      ) : (
        <View id="withdrawals-list">
          <Text className="wds-total" id="withdrawals-total">
            共 {list.total} 笔提现
          </Text>
          {list.items.map((withdrawal) => (
            <WithdrawalCard
              key={withdrawal.id}
              withdrawal={withdrawal}
              id={`withdrawal-${withdrawal.id}`}
              confirming={receipt.startingId === withdrawal.id}
              onConfirmReceipt={() => void receipt.confirm(withdrawal)}
            />
          ))}
          <ListFooter paged={paged} idPrefix="withdrawals" className="wds-footer" />
        </View>
      )}
      {receipt.sheet}
    </View>
  );
}
