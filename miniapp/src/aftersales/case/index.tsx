import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ErrorCode, type AfterSalesCaseView } from '@linli/shared-types';
import { AfterSalesCaseCards } from '@/components/aftersales-case';
import { BuyerPageState } from '@/components/buyer-page-state';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { fetchAfterSalesCase } from '@/services/aftersales';
import { ApiError } from '@/services/request';
import './index.scss';

/** 售后详情 (?id=): the buyer's case, its money and timeline; back to the order. */
export default function AfterSalesCasePage() {
  const { params } = useRouter();
  const id = params.id && /^\d{1,12}$/.test(params.id) ? Number(params.id) : null;
  const loader = useCallback(() => {
    if (!id) {
      return Promise.reject(
        new ApiError(404, { code: ErrorCode.AFTERSALES_NOT_FOUND, message: '链接不完整', requestId: '' }),
      );
    }
    return fetchAfterSalesCase(id);
  }, [id]);
  const page = useBuyerPage<AfterSalesCaseView>(loader, [
    ErrorCode.AFTERSALES_NOT_FOUND,
    ErrorCode.NOT_FOUND,
  ]);

  useDidShow(() => {
    void page.reload();
  });
  usePullDownRefresh(() => {
    void page.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (page.phase === 'loading') {
    return (
      <View className="ascp-page" id="case-loading">
        <View className="ascp-skeleton" />
      </View>
    );
  }
  if (page.phase !== 'ready' || !page.data) {
    return (
      <View className="ascp-page">
        <View className="ascp-panel">
          <BuyerPageState page={page} idPrefix="case" subject="这个售后单" />
        </View>
      </View>
    );
  }
  const view = page.data;
  return (
    <View className="ascp-page" id="case-page">
      <AfterSalesCaseCards view={view} />
      <View
        className="btn btn--ghost btn--block"
        id="case-open-order"
        onClick={() => void Taro.navigateTo({ url: `/pages/order/index?id=${view.orderId}` })}
      >
        <Text>查看订单</Text>
      </View>
    </View>
  );
}
