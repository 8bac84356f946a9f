import { App, Button, Space } from 'antd';
import { formatFen, type WithdrawalView } from '@linli/shared-types';
import { describeError } from '../../../api';
import { WITHDRAWAL_METHOD_LABELS } from '../../../labels/commission';
import { maskAccountNo } from '../format';
import { WITHDRAWAL_ACTION_TEXT, isStaleWithdrawalError, withdrawalActions } from '../withdrawals-query';
import type { ReasonTarget } from './WithdrawalReasonModal';
import type { useWithdrawalAction } from './useWithdrawalAction';

function payee(w: WithdrawalView): string {
  if (w.method === 'bank' && w.bankAccount)
    return `${w.bankAccount.holder} · ${w.bankAccount.bankName} ${maskAccountNo(w.bankAccount.accountNo)}`;
  return WITHDRAWAL_METHOD_LABELS[w.method];
}

const APPROVE_HINT: Record<WithdrawalView['method'], string> = {
  wechat: '通过后发起微信商家转账，团长在小程序中确认收款后到账。',
  bank: '通过后等待打款：导出银行打款批次，打款后逐笔标记已打款或失败。',
};

/**
 * The row's buttons for what finance can do now (withdrawals.approve): 通过 and 标记已打款 ask for a
 * confirmation, 驳回 and 标记失败 for a reason.
 */
export function WithdrawalActions({
  withdrawal: w,
  act,
  onAskReason,
}: {
  withdrawal: WithdrawalView;
  act: ReturnType<typeof useWithdrawalAction>;
  onAskReason: (target: ReasonTarget) => void;
}) {
  const { modal } = App.useApp();
  const actions = withdrawalActions(w);
  if (actions.length === 0) return null;
  const busy = act.isPending && act.variables?.withdrawal.id === w.id;

  const confirm = (action: 'approve' | 'markPaid') =>
    modal.confirm({
      title:
        action === 'approve'
          ? `通过 ${w.leaderName} 的提现 ${formatFen(w.amount)}？`
          : `确认已向 ${w.leaderName} 打款 ${formatFen(w.amount)}？`,
      content:
        action === 'approve'
          ? `${payee(w)}。${APPROVE_HINT[w.method]}`
          : `收款账户：${payee(w)}。标记后提现完成，不可撤销。`,
      okText: WITHDRAWAL_ACTION_TEXT[action].label,
      cancelText: '取消',
      okButtonProps: { ...{ 'data-testid': 'withdrawal-action-confirm' } },
      onOk: () =>
        act.mutateAsync({ withdrawal: w, action }).catch((error: unknown) => {
          if (!isStaleWithdrawalError(error))
            modal.error({ title: '操作失败', content: describeError(error), okText: '知道了' });
        }),
    });

  return (
    <Space size={0} wrap>
      {actions.includes('approve') && (
        <Button
          type="link"
          size="small"
          loading={busy}
          onClick={() => confirm('approve')}
          data-testid="withdrawal-approve"
        >
          通过
        </Button>
      )}
      {actions.includes('reject') && (
        <Button
          type="link"
          size="small"
          danger
          onClick={() => onAskReason({ withdrawal: w, action: 'reject' })}
          data-testid="withdrawal-reject"
        >
          驳回
        </Button>
      )}
      {actions.includes('markPaid') && (
        <Button
          type="link"
          size="small"
          loading={busy}
          onClick={() => confirm('markPaid')}
          data-testid="withdrawal-mark-paid"
        >
          标记已打款
        </Button>
      )}
      {actions.includes('markFailed') && (
        <Button
          type="link"
          size="small"
          danger
          onClick={() => onAskReason({ withdrawal: w, action: 'markFailed' })}
          data-testid="withdrawal-mark-failed"
        >
          标记失败
        </Button>
      )}
    </Space>
  );
}
