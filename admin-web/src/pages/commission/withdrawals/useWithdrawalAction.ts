import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WithdrawalView } from '@linli/shared-types';
import { describeError } from '../../../api';
import { commissionKeys, runWithdrawalAction, type WithdrawalAction } from '../service';
import { WITHDRAWAL_ACTION_TEXT, isStaleWithdrawalError } from '../withdrawals-query';

export interface WithdrawalActionVariables {
  withdrawal: Pick<WithdrawalView, 'id' | 'leaderName'>;
  action: WithdrawalAction;
  reason?: string;
}

/**
 * 通过 / 驳回 / 标记已打款 / 标记失败 with one behaviour: a toast on success; when the withdrawal moved on
 * meanwhile (another clerk, the payout job) a notice and a reload. Other failures are left to the caller.
 */
export function useWithdrawalAction() {
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  // Balances and ledger move with a withdrawal (holds, returns): refresh all commission screens.
  const refresh = () => queryClient.invalidateQueries({ queryKey: commissionKeys.all });

  return useMutation({
    mutationFn: ({ withdrawal, action, reason }: WithdrawalActionVariables) =>
      runWithdrawalAction(withdrawal.id, action, reason),
    onSuccess: (_, { action }) => {
      void message.success(WITHDRAWAL_ACTION_TEXT[action].done);
      void refresh();
    },
    onError: (error, { withdrawal }) => {
      if (!isStaleWithdrawalError(error)) return;
      modal.warning({
        title: `${withdrawal.leaderName} 的提现状态已变化`,
        content: `${describeError(error).replace(/[。.]$/, '')}。列表已刷新为最新状态，请确认后再操作。`,
        okText: '知道了',
        okButtonProps: { ...{ 'data-testid': 'withdrawal-stale-ok' } },
      });
      void refresh();
    },
  });
}
