import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  AFTERSALES_STATUS_LABELS,
  type AdminAfterSalesCaseView,
  type AfterSalesStatus,
} from '@linli/shared-types';
import { AfterSalesCaseRow } from '@/components/aftersales-case';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { fetchLeaderAfterSales } from '@/services/aftersales';
import { LEADER_AFTERSALES_CASE_URL } from '@/utils/aftersales';
import { LeaderGateState } from '../components/leader-gate-state';
import { FilterChips } from '../components/list-filters';
import { SkeletonCard } from '../components/skeleton-card';
import { useLeaderPagedList } from '../components/use-leader-paged-list';
import './index.scss';

const PAGE_SIZE = 20;
const STATUS_ORDER: AfterSalesStatus[] = ['pending', 'approved', 'rejected'];

/** 售后处理: the cases of orders at the leader's pickup point, 待处理 first (the default filter). */
export default function LeaderAfterSalesPage() {
  const [status, setStatus] = useState<AfterSalesStatus | undefined>('pending');
  const fetchPage = useCallback((page: number) => fetchLeaderAfterSales(status, page, PAGE_SIZE), [status]);
  const { phase, error, paged, retry } = useLeaderPagedList(fetchPage, (c: AdminAfterSalesCaseView) => c.id);
  const { list } = paged;

  if (phase === 'not-leader' || phase === 'signed-out' || (phase === 'error' && !list)) {
    return (
      <View className="las-page">
        <View className="las-panel">
          <LeaderGateState
            phase={phase}
            idPrefix="leader-aftersales"
            activity="处理售后"
            pageName="售后处理"
            error={error}
            onRetry={retry}
          />
        </View>
      </View>
    );
  }

  return (
    <View className="las-page" id="leader-aftersales-page">
      <FilterChips
        prefix="las-status"
        allLabel="全部"
        options={STATUS_ORDER.map((id) => ({ id, label: AFTERSALES_STATUS_LABELS[id] }))}
        value={status}
        onChange={setStatus}
      />
      {!list ? (
        <View id="leader-aftersales-loading">
          <SkeletonCard lines={[40, 70, 60]} />
          <SkeletonCard lines={[40, 70, 60]} />
        </View>
      ) : list.items.length === 0 ? (
        <View className="las-panel">
          <StateView
            id="leader-aftersales-empty"
            illustration="receipt"
            title={status === 'pending' ? '没有待处理的售后' : '还没有售后记录'}
            description="顾客在订单里申请售后后，会出现在这里"
          />
        </View>
      ) : (
        <View id="leader-aftersales-list">
          <Text className="las-total" id="leader-aftersales-total">
            共 {list.total} 个售后单
          </Text>
          {list.items.map((view) => (
            <AfterSalesCaseRow
              key={view.id}
              view={view}
              id={`leader-aftersales-${view.id}`}
              extra={view.buyerName ?? (view.buyerPhoneTail ? `尾号 ${view.buyerPhoneTail}` : undefined)}
              onClick={() => void Taro.navigateTo({ url: `${LEADER_AFTERSALES_CASE_URL}?id=${view.id}` })}
            />
          ))}
          <ListFooter paged={paged} idPrefix="leader-aftersales" className="las-footer" />
        </View>
      )}
    </View>
  );
}
