import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../../api';
import { orderKeys } from '../../orders/service';
import {
  CASE_ACTION_TEXT,
  aftersalesKeys,
  isStaleCaseError,
  runCaseAction,
  type CaseAction,
} from '../service';

export interface CaseActionVariables {
  action: CaseAction;
  reason?: string;
}

/**
 * 同意退款 / 驳回 / 退货入库 with one behaviour: a toast on success; when the case moved on meanwhile (the
 * leader, another clerk or the auto-approve sweep) a notice and a reload. Other failures go to the caller.
 */
export function useCaseAction(caseId: number, orderId: number) {
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  // A decision moves the order's refunds and the queue's counts.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: aftersalesKeys.all }),
      queryClient.invalidateQueries({ queryKey: orderKeys.detail(orderId) }),
    ]);

  return useMutation({
    mutationFn: ({ action, reason }: CaseActionVariables) => runCaseAction(caseId, action, reason),
    onSuccess: (updated, { action }) => {
      queryClient.setQueryData(aftersalesKeys.detail(caseId), updated);
      void message.success(CASE_ACTION_TEXT[action].done);
      void refresh();
    },
    onError: (error) => {
      if (!isStaleCaseError(error)) return;
      modal.warning({
        title: '售后单状态已变化',
        content: `${describeError(error).replace(/[。.]$/, '')}。页面已刷新为最新状态，请确认后再操作。`,
        okText: '知道了',
        okButtonProps: { ...{ 'data-testid': 'aftersales-stale-ok' } },
      });
      void refresh();
    },
  });
}
