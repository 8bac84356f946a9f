import { Text, View } from '@tarojs/components';
import { formatFen, type WithdrawalView } from '@linli/shared-types';
import { StatusBadge } from '@/components/status-badge';
import {
  WITHDRAWAL_METHOD_LABELS,
  withdrawalNextStep,
  withdrawalProblem,
  withdrawalStatusBadge,
} from '@/utils/commission';
import { formatShanghaiDateTime } from '@/utils/shanghai-time';
import './withdrawal-card.scss';

function payoutTarget(withdrawal: WithdrawalView): string {
  const bank = withdrawal.bankAccount;
  if (withdrawal.method === 'bank' && bank) return `${bank.bankName} ${bank.accountNo}（${bank.holder}）`;
  return WITHDRAWAL_METHOD_LABELS[withdrawal.method];
}

interface WithdrawalCardProps {
  withdrawal: WithdrawalView;
  /** The card's id; its parts are `<id>-amount`, `<id>-status`, `<id>-problem`, `<id>-confirm`. */
  id: string;
  /** The 确认收款 tap of a WeChat payout waiting for the leader. */
  onConfirmReceipt: () => void;
  /** 确认收款 is being started for this card. */
  confirming: boolean;
}

/** One withdrawal (我的佣金's open one, 提现记录): amount, status, where the money goes, what comes next. */
export function WithdrawalCard({ withdrawal, id, onConfirmReceipt, confirming }: WithdrawalCardProps) {
  const badge = withdrawalStatusBadge(withdrawal);
  const problem = withdrawalProblem(withdrawal);
  const next = withdrawalNextStep(withdrawal);
  return (
    <View className="withdrawal-card" id={id}>
      <View className="withdrawal-card__head">
        <Text className="withdrawal-card__amount" id={`${id}-amount`}>
          {formatFen(withdrawal.amount)}
        </Text>
        <StatusBadge id={`${id}-status`} label={badge.label} tone={badge.tone} />
      </View>
      <View className="withdrawal-card__row">
        <Text className="withdrawal-card__label">到账方式</Text>
        <Text className="withdrawal-card__value">{payoutTarget(withdrawal)}</Text>
      </View>
      <View className="withdrawal-card__row">
        <Text className="withdrawal-card__label">申请时间</Text>
        <Text className="withdrawal-card__value">{formatShanghaiDateTime(withdrawal.requestedAt)}</Text>
      </View>
      {withdrawal.paidAt ? (
        <View className="withdrawal-card__row">
          <Text className="withdrawal-card__label">到账时间</Text>
          <Text className="withdrawal-card__value">{formatShanghaiDateTime(withdrawal.paidAt)}</Text>
        </View>
      ) : null}
      {problem ? (
        <Text className="withdrawal-card__problem" id={`${id}-problem`}>
          {problem}
        </Text>
      ) : null}
      {next ? <Text className="withdrawal-card__next">{next}</Text> : null}
      {withdrawal.awaitingConfirmation ? (
        <View
          className={`btn btn--primary btn--block withdrawal-card__confirm${confirming ? ' is-busy' : ''}`}
          id={`${id}-confirm`}
          onClick={() => (confirming ? undefined : onConfirmReceipt())}
        >
          {confirming ? '正在打开…' : '确认收款'}
        </View>
      ) : null}
    </View>
  );
}
