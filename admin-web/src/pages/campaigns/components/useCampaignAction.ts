import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail } from '@linli/shared-types';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../../api';
import { ACTION_TEXT, campaignKeys, runCampaignAction, type CampaignAction } from '../service';

/** Runs a status action after a confirm; a duplicate opens the new draft. */
export function useCampaignAction() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const run = useMutation({
    mutationFn: ({ id, action }: { id: number; action: CampaignAction }) => runCampaignAction(id, action),
    onSuccess: (saved: CampaignDetail, { action }) => {
      void queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      queryClient.setQueryData(campaignKeys.detail(saved.id), saved);
      void message.success(`${ACTION_TEXT[action].done}：${saved.title}`);
      if (action === 'duplicate') navigate(`/campaigns/${saved.id}/edit`);
    },
    onError: (error) => modal.error({ title: '操作失败', content: describeError(error), okText: '知道了' }),
  });

  const confirm = (campaign: { id: number; title: string }, action: CampaignAction) =>
    modal.confirm({
      title: `${ACTION_TEXT[action].confirm}「${campaign.title}」`,
      content: ACTION_TEXT[action].detail,
      okText: ACTION_TEXT[action].label,
      okButtonProps: { danger: action === 'end', ...{ 'data-testid': 'campaign-action-confirm' } },
      cancelText: '取消',
      onOk: () => run.mutateAsync({ id: campaign.id, action }).catch(() => undefined),
    });

  return { confirm, pending: run.isPending };
}
