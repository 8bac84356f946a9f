import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LeaderDetail } from '@linli/shared-types';
import { describeError, isApiError } from '../../../api';
import {
  actionDoneText,
  isStaleLeaderError,
  leaderKeys,
  runLeaderAction,
  type LeaderAction,
} from '../service';

export interface LeaderActionVariables {
  leader: { id: number; name: string };
  action: LeaderAction;
  reason?: string;
  /** The caller shows field errors (the reason) on its own form. */
  formShowsFieldErrors?: boolean;
}

/**
 * Approve / reject / suspend / reactivate with one behaviour everywhere: a toast on success, and when the
 * leader changed under us (someone else acted first) a clear notice, then lists and detail reload.
 */
export function useLeaderActions(onDone?: (detail: LeaderDetail, action: LeaderAction) => void) {
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: leaderKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['audit-logs'] });
  };

  return useMutation({
    mutationFn: ({ leader, action, reason }: LeaderActionVariables) =>
      runLeaderAction(leader.id, action, reason),
    onSuccess: (detail, { action }) => {
      queryClient.setQueryData(leaderKeys.detail(detail.id), detail);
      refresh();
      void message.success(actionDoneText(action, detail.name));
      onDone?.(detail, action);
    },
    onError: (error, { leader, formShowsFieldErrors }) => {
      if (isStaleLeaderError(error)) {
        modal.warning({
          title: `${leader.name} 的状态已变化`,
          content: `${describeError(error).replace(/[。.]$/, '')}。页面已刷新为最新状态，请确认后再操作。`,
          okText: '知道了',
          okButtonProps: { ...{ 'data-testid': 'leader-stale-ok' } },
        });
        refresh();
        return;
      }
      if (formShowsFieldErrors && isApiError(error) && error.body.fields?.length) return;
      void message.error(describeError(error));
    },
  });
}
