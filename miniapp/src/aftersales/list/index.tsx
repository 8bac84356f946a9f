import { useCallback, useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { type AfterSalesCaseView } from '@linli/shared-types';
import { AfterSalesCaseRow } from '@/components/aftersales-case';
import { ListFooter } from '@/components/list-footer';
import { StateView } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { fetchMyAfterSales } from '@/services/aftersales';
import { ensureLogin } from '@/services/auth';
import { AFTERSALES_CASE_URL } from '@/utils/aftersales';
import './index.scss';

const PAGE_SIZE = 20;

/** 我的售后: the buyer's cases, newest first. */
export default function MyAfterSalesPage() {
  const [phase, setPhase] = useState<'loading' | 'ready' | 'signed-out' | 'error'>('loading');
  const [error, setError] = useState('');
  const fetchPage = useCallback(async (page: number) => {
    if (!(await ensureLogin())) {
      setPhase('signed-out');
      return null;
    }
    return fetchMyAfterSales(page, PAGE_SIZE);
  }, []);
  const paged = usePagedList<AfterSalesCaseView>({
    fetchPage,
    keyOf: (c) => c.id,
    onLoaded: () => setPhase('ready'),
    onFirstPageError: (message) => {
      setError(message);
      setPhase('error');
    },
  });
  const { list, load } = paged;

  useEffect(() => {
    void load(1);
  }, [load]);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void load(1);
    shownBefore.current = true;
  });
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh());
  });

  if (!list && phase === 'loading') {
    return (
      <View className="asl-page" id="aftersales-loading">
        <View className="asl-skeleton" />
        <View className="asl-skeleton" />
      </View>
    );
  }
  if (!list) {
    return (
      <View className="asl-page">
        <View className="asl-panel">
          <StateView
            id={phase === 'signed-out' ? 'aftersales-signed-out' : 'aftersales-error'}
            illustration={phase === 'signed-out' ? 'person' : 'alert'}
            title={phase === 'signed-out' ? '登录后查看售后' : '加载失败'}
            description={phase === 'signed-out' ? undefined : error}
            actionText={phase === 'signed-out' ? '去我的' : '重试'}
            actionId="aftersales-state-action"
            onAction={() =>
              phase === 'signed-out' ? void Taro.switchTab({ url: '/pages/mine/index' }) : void load(1)
            }
          />
        </View>
      </View>
    );
  }
  return (
    <View className="asl-page" id="aftersales-page">
      {list.items.length === 0 ? (
        <View className="asl-panel">
          <StateView
            id="aftersales-empty"
            illustration="receipt"
            title="还没有售后记录"
            description="订单有问题时，可以在订单详情里申请售后"
          />
        </View>
      ) : (
        <View id="aftersales-list">
          {list.items.map((view) => (
            <AfterSalesCaseRow
              key={view.id}
              view={view}
              id={`aftersales-${view.id}`}
              onClick={() => void Taro.navigateTo({ url: `${AFTERSALES_CASE_URL}?id=${view.id}` })}
            />
          ))}
          <ListFooter paged={paged} idPrefix="aftersales" className="asl-footer" />
        </View>
      )}
    </View>
  );
}
