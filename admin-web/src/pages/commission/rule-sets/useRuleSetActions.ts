import { useNavigate } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RuleSetView } from '@linli/shared-types';
import { useApiFeedback } from '../../../components/useApiFeedback';
import { commissionKeys, copyRuleSet, deleteRuleSet } from '../service';

/** 复制 (opens the new draft) and 删除 (drafts only) of a rule set, with their toasts. */
export function useRuleSetActions() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message, showError } = useApiFeedback();
  const refresh = () => queryClient.invalidateQueries({ queryKey: commissionKeys.ruleSets });

  const copy = useMutation({
    mutationFn: (set: Pick<RuleSetView, 'id'>) => copyRuleSet(set.id),
    onSuccess: (draft) => {
      void refresh();
      queryClient.setQueryData(commissionKeys.ruleSet(draft.id), draft);
      void message.success(`已复制为新草稿「${draft.name}」`);
      navigate(`/commission/rule-sets/${draft.id}`);
    },
    onError: showError,
  });

  const remove = useMutation({
    mutationFn: (set: Pick<RuleSetView, 'id' | 'name'>) => deleteRuleSet(set.id),
    onSuccess: (_, set) => {
      void message.success(`已删除草稿「${set.name}」`);
      queryClient.removeQueries({ queryKey: commissionKeys.ruleSet(set.id) });
      void refresh();
    },
    onError: (error) => {
      showError(error);
      void refresh();
    },
  });

  return { copy, remove };
}
