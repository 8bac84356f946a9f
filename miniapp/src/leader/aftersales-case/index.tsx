import { useCallback, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ErrorCode, formatFen, type AdminAfterSalesCaseView } from '@linli/shared-types';
import { AfterSalesCaseCards } from '@/components/aftersales-case';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { approveAfterSales, fetchLeaderAfterSalesCase, rejectAfterSales } from '@/services/aftersales';
import { ApiError } from '@/services/request';
import { afterSalesErrorMessage, MAX_REJECT_REASON, validateRejectReason } from '@/utils/aftersales';
import { LeaderPageState, NOT_A_LEADER_CODES } from '../components/leader-page-state';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

function messageOf(caught: unknown): string {
  return caught instanceof ApiError
    ? afterSalesErrorMessage(caught.code, caught.message)
    : '操作失败，请稍后重试';
}

/** 售后详情 for the leader (?id=): the buyer, the money, the case; 同意 (refund) or 驳回 (with a reason). */
export default function LeaderAfterSalesCasePage() {
  const { params } = useRouter();
  const id = params.id && /^\d{1,12}$/.test(params.id) ? Number(params.id) : null;
  const loader = useCallback(() => {
    if (!id) {
      return Promise.reject(
        new ApiError(404, { code: ErrorCode.AFTERSALES_NOT_FOUND, message: '链接不完整', requestId: '' }),
      );
    }
    return fetchLeaderAfterSalesCase(id);
  }, [id]);
  const page = useBuyerPage<AdminAfterSalesCaseView>(loader, NOT_A_LEADER_CODES);
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [rejectReason, setRejectReason] = useState('');
  const [formError, setFormError] = useState('');
  const [actionError, setActionError] = useState('');
  const [decided, setDecided] = useState<AdminAfterSalesCaseView | null>(null);

  useDidShow(() => {
    void page.reload().then(() => setDecided(null));
  });
  usePullDownRefresh(() => {
    void page
      .reload()
      .then(() => setDecided(null))
      .finally(() => Taro.stopPullDownRefresh());
  });

  if (page.phase === 'loading') {
    return (
      <View className="lasc-page" id="leader-case-loading">
        <SkeletonCard lines={[40, 70, 60]} />
        <SkeletonCard lines={[40, 70, 60]} />
      </View>
    );
  }
  if (page.phase !== 'ready' || !page.data) {
    return (
      <View className="lasc-page">
        <View className="lasc-panel">
          <LeaderPageState page={page} idPrefix="leader-case" activity="处理售后" pageName="售后详情" />
        </View>
      </View>
    );
  }

  const view = decided ?? page.data;
  const pending = view.status === 'pending';

  const approve = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal({
      title: '同意售后',
      content: `同意后将原路退款 ${formatFen(view.amount)} 给顾客，确定同意吗？`,
      confirmText: '同意退款',
      confirmColor: '#1f9d55',
    });
    if (!confirm) return;
    setBusy('approve');
    setActionError('');
    try {
      setDecided(await approveAfterSales(view.id));
      void Taro.showToast({ title: '已同意，退款处理中', icon: 'none' });
    } catch (caught) {
      setActionError(messageOf(caught));
      void page.reload();
    } finally {
      setBusy(null);
    }
  };

  const reject = async () => {
    if (busy) return;
    const problem = validateRejectReason(rejectReason);
    setFormError(problem ?? '');
    if (problem) return;
    setBusy('reject');
    setActionError('');
    try {
      setDecided(await rejectAfterSales(view.id, rejectReason.trim()));
      setRejecting(false);
      void Taro.showToast({ title: '已驳回', icon: 'none' });
    } catch (caught) {
      setActionError(messageOf(caught));
      void page.reload();
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className={`lasc-page${pending ? ' lasc-page--with-bar' : ''}`} id="leader-case-page">
      <View className="lasc-panel lasc-buyer" id="leader-case-buyer">
        <View className="lasc-row">
          <Text className="lasc-row__label">顾客</Text>
          <Text className="lasc-row__value" id="leader-case-buyer-name">
            {view.buyerName ?? '顾客'}
            {view.buyerPhoneTail ? `（尾号 ${view.buyerPhoneTail}）` : ''}
          </Text>
        </View>
        <View className="lasc-row">
          <Text className="lasc-row__label">订单实付</Text>
          <Text className="lasc-row__value">{formatFen(view.orderPaidAmount)}</Text>
        </View>
        <View className="lasc-row">
          <Text className="lasc-row__label">已退/退款中</Text>
          <Text className="lasc-row__value" id="leader-case-committed">
            {formatFen(view.orderRefundCommitted)}
          </Text>
        </View>
      </View>

      <AfterSalesCaseCards view={view} />

      {pending && rejecting ? (
        <View className="lasc-panel lasc-reject" id="leader-case-reject-form">
          <Text className="lasc-reject__title">
            驳回原因<Text className="lasc-reject__required">*</Text>
          </Text>
          <Textarea
            className="lasc-reject__input"
            id="leader-case-reject-reason"
            value={rejectReason}
            maxlength={MAX_REJECT_REASON}
            placeholder="告诉顾客为什么不能退款（必填）"
            onInput={(event) => setRejectReason(event.detail.value)}
          />
          {formError ? (
            <Text className="lasc-error" id="leader-case-reject-error">
              {formError}
            </Text>
          ) : null}
        </View>
      ) : null}

      {actionError ? (
        <Text className="lasc-error lasc-error--block" id="leader-case-action-error">
          {actionError}
        </Text>
      ) : null}

      {pending ? (
        <View className="lasc-bar" id="leader-case-actions">
          {rejecting ? (
            <>
              <View
                className="btn btn--ghost lasc-bar__btn"
                id="leader-case-reject-cancel"
                onClick={() => {
                  setRejecting(false);
                  setFormError('');
                }}
              >
                取消
              </View>
              <View
                className={`btn btn--danger lasc-bar__btn lasc-bar__btn--main${busy === 'reject' ? ' is-busy' : ''}`}
                id="leader-case-reject-confirm"
                onClick={() => void reject()}
              >
                {busy === 'reject' ? '提交中…' : '确认驳回'}
              </View>
            </>
          ) : (
            <>
              <View
                className="btn btn--ghost lasc-bar__btn"
                id="leader-case-reject"
                onClick={() => setRejecting(true)}
              >
                驳回
              </View>
              <View
                className={`btn btn--primary lasc-bar__btn lasc-bar__btn--main${busy === 'approve' ? ' is-busy' : ''}`}
                id="leader-case-approve"
                onClick={() => void approve()}
              >
                {busy === 'approve' ? '处理中…' : `同意退款 ${formatFen(view.amount)}`}
              </View>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}
