import { type ReactElement, useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { ErrorCode, formatFen, type WithdrawalConfirmation, type WithdrawalView } from '@linli/shared-types';
import { SimulatorSheet } from '@/components/simulator-sheet';
import {
  requestWithdrawalConfirmation,
  simulateWithdrawalTransfer,
  syncWithdrawal,
} from '@/services/commission';
import { openMerchantTransfer } from '@/services/merchant-transfer';
import { ApiError, showErrorToast } from '@/services/request';
import { formatShanghaiDateTime } from '@/utils/shanghai-time';

export interface ConfirmReceipt {
  /** Starts 确认收款 of a WeChat payout (WeChat's page, or the simulator sheet). */
  confirm: (withdrawal: WithdrawalView) => Promise<void>;
  /** The withdrawal whose 确认收款 is being started, for its button. */
  startingId: number | null;
  /** The simulator sheet while it is open; render it in the page. */
  sheet: ReactElement | null;
}

function messageOf(caught: unknown, fallback: string): string {
  return caught instanceof ApiError ? caught.message : fallback;
}

const toast = (title: string, success = false) =>
  void Taro.showToast({ title, icon: success ? 'success' : 'none', duration: 2500 });

/** WeChat's 确认收款 page; then the server asks WeChat Pay how the transfer ended, whatever the leader did. */
async function confirmInWechat(id: number, params: WithdrawalConfirmation): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') {
    toast('请在微信小程序中确认收款');
    return;
  }
  const outcome = await openMerchantTransfer(params);
  if (outcome === 'unsupported') {
    toast('当前微信版本过低，请升级微信后再确认收款');
    return;
  }
  await syncWithdrawal(id).catch(() => undefined);
  if (outcome === 'confirmed') toast('已确认收款', true);
  else if (outcome === 'cancelled') toast('已取消，可稍后再确认收款');
  else toast('确认收款没有完成，请稍后重试');
}

/**
 * 确认收款 of a WeChat 商家转账 from any screen (我的佣金, 提现记录); `onSettled` reloads the screen.
 * Like paying (components/pay-sheet): fresh parameters from the server first, then WeChat's own page on
 * weapp, or in the embedded demo our sheet, whose answer the server turns into WeChat's notification.
 */
export function useConfirmReceipt(onSettled: () => void): ConfirmReceipt {
  const [startingId, setStartingId] = useState<number | null>(null);
  const [simulated, setSimulated] = useState<WithdrawalView | null>(null);
  const [answering, setAnswering] = useState(false);
  const [sheetError, setSheetError] = useState('');
  const startingRef = useRef(false);
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  const confirm = useCallback(async (withdrawal: WithdrawalView) => {
    if (startingRef.current) return;
    startingRef.current = true;
    setStartingId(withdrawal.id);
    try {
      const params = await requestWithdrawalConfirmation(withdrawal.id);
      if (params.mode === 'simulator') {
        setSheetError('');
        setSimulated(withdrawal);
        return;
      }
      await confirmInWechat(withdrawal.id, params);
      settledRef.current();
    } catch (caught) {
      showErrorToast(messageOf(caught, '暂时无法确认收款，请稍后重试'));
      // Already confirmed, cancelled or paid meanwhile: show how it stands now.
      if (caught instanceof ApiError && caught.code === ErrorCode.WITHDRAWAL_NOT_AWAITING_CONFIRMATION) {
        settledRef.current();
      }
    } finally {
      startingRef.current = false;
      setStartingId(null);
    }
  }, []);

  const answer = useCallback(
    async (accept: boolean) => {
      if (!simulated) return;
      setAnswering(true);
      setSheetError('');
      try {
        await simulateWithdrawalTransfer(simulated.id, accept);
        setSimulated(null);
        if (accept) toast('已确认收款', true);
        else toast('已暂不收款，金额退回可提现余额');
        settledRef.current();
      } catch (caught) {
        setSheetError(messageOf(caught, '操作失败，请稍后重试'));
      } finally {
        setAnswering(false);
      }
    },
    [simulated],
  );

  const sheet = simulated ? (
    <SimulatorSheet
      id="receipt-sheet"
      title="模拟收款（演示环境）"
      note="演示环境不会真实转账；暂不收款会取消这次转账，金额退回可提现余额"
      amount={simulated.amount}
      rows={[
        { label: '到账方式', value: '微信零钱' },
        { label: '申请时间', value: formatShanghaiDateTime(simulated.requestedAt) },
      ]}
      error={sheetError}
      busy={answering}
      confirmText={`确认收款 ${formatFen(simulated.amount)}`}
      busyText="处理中…"
      cancelText="暂不收款"
      onConfirm={() => void answer(true)}
      onCancel={() => void answer(false)}
      onDismiss={() => setSimulated(null)}
    />
  ) : null;

  return { confirm, startingId, sheet };
}
