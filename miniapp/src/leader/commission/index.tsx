import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { COMMISSION_BASIS_LABELS, formatFen, type LeaderCommissionOverview } from '@linli/shared-types';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import {
  commissionEntriesUrl,
  fetchCommissionOverview,
  STATEMENT_URL,
  WITHDRAW_URL,
  WITHDRAWALS_URL,
} from '@/services/commission';
import { showErrorToast } from '@/services/request';
import { formatRateBps, payoutSettlingSoon, withdrawAvailability } from '@/utils/commission';
import { LeaderPageState, NOT_A_LEADER_CODES } from '../components/leader-page-state';
import { SkeletonCard } from '../components/skeleton-card';
import { useRefreshWhile } from '../components/use-refresh-while';
// Stylesheets load in import order, which must agree across pages (mini-css-extract-plugin).
import { WithdrawalCard } from '../components/withdrawal-card';
import { type ConfirmReceipt, useConfirmReceipt } from '../components/use-confirm-receipt';
import './index.scss';

const go = (url: string) => () => void Taro.navigateTo({ url });

/** 可提现 up front; 冻结中 (tap: the frozen entries) and 已提现 under it. */
function BalanceHero({ overview }: { overview: LeaderCommissionOverview }) {
  const { balance, rules } = overview;
  return (
    <View className="cm-hero" id="commission-hero">
      <Text className="cm-hero__label">可提现</Text>
      <Text className="cm-hero__amount" id="commission-available">
        {formatFen(balance.available)}
      </Text>
      <View className="cm-hero__row">
        <View
          className="cm-hero__cell"
          id="commission-go-frozen"
          onClick={go(commissionEntriesUrl('frozen'))}
        >
          <Text className="cm-hero__cell-label">冻结中</Text>
          <Text className="cm-hero__cell-value" id="commission-frozen">
            {formatFen(balance.frozen)}
          </Text>
          <Text className="cm-hero__cell-hint" id="commission-frozen-hint">
            {rules.frozenDays > 0 ? `售后期 ${rules.frozenDays} 天后可提现` : '订单完成即可提现'}
          </Text>
        </View>
        <View className="cm-hero__cell">
          <Text className="cm-hero__cell-label">已提现</Text>
          <Text className="cm-hero__cell-value" id="commission-withdrawn">
            {formatFen(balance.withdrawn)}
          </Text>
        </View>
      </View>
    </View>
  );
}

function EarnedCard({ overview }: { overview: LeaderCommissionOverview }) {
  return (
    <View className="cm-card cm-earned">
      <View className="cm-earned__cell">
        <Text className="cm-earned__label">今日佣金</Text>
        <Text className="cm-earned__value" id="commission-today">
          {formatFen(overview.balance.today)}
        </Text>
      </View>
      <View className="cm-earned__cell">
        <Text className="cm-earned__label">本月佣金</Text>
        <Text className="cm-earned__value" id="commission-month">
          {formatFen(overview.balance.thisMonth)}
        </Text>
      </View>
    </View>
  );
}

/** 提现, or why not yet; an open withdrawal shows instead (with 确认收款 when WeChat waits for it). */
function WithdrawSection({
  overview,
  receipt,
}: {
  overview: LeaderCommissionOverview;
  receipt: ConfirmReceipt;
}) {
  const open = overview.openWithdrawal;
  if (open) {
    return (
      <View className="cm-open">
        <Text className="cm-section">进行中的提现</Text>
        <WithdrawalCard
          withdrawal={open}
          id="commission-open-withdrawal"
          confirming={receipt.startingId === open.id}
          onConfirmReceipt={() => void receipt.confirm(open)}
        />
      </View>
    );
  }
  const availability = withdrawAvailability(overview);
  return (
    <View className="cm-withdraw">
      <View
        className={`btn btn--primary btn--block cm-withdraw__btn${availability.allowed ? '' : ' is-disabled'}`}
        id="commission-withdraw"
        onClick={() => (availability.allowed ? go(WITHDRAW_URL)() : showErrorToast(availability.reason))}
      >
        提现
      </View>
      {availability.allowed ? null : (
        <Text className="cm-withdraw__reason" id="commission-withdraw-reason">
          {availability.reason}
        </Text>
      )}
    </View>
  );
}

/** "How is my commission computed": my rate, on what, which rule set, the after-sales window. */
function RulesCard({ overview }: { overview: LeaderCommissionOverview }) {
  const { rules } = overview;
  const row = (label: string, value: string, id: string) => (
    <View className="cm-rule">
      <Text className="cm-rule__label">{label}</Text>
      <Text className="cm-rule__value" id={id}>
        {value}
      </Text>
    </View>
  );
  return (
    <View className="cm-card" id="commission-rules">
      <Text className="cm-card__title">我的佣金规则</Text>
      {row('佣金比例', formatRateBps(rules.myRateBps), 'commission-rate')}
      {row('计算方式', COMMISSION_BASIS_LABELS[rules.basis], 'commission-basis')}
      {row('售后期', `${rules.frozenDays} 天`, 'commission-frozen-days')}
      {row('最低提现', formatFen(overview.minWithdrawFen), 'commission-min-withdraw')}
      {row('佣金方案', `v${rules.ruleSetVersion}`, 'commission-rule-version')}
    </View>
  );
}

const LINKS = [
  { id: 'commission-go-entries', title: '佣金明细', hint: '每一笔怎么算', url: commissionEntriesUrl() },
  { id: 'commission-go-statement', title: '对账单', hint: '按日 / 周 / 月', url: STATEMENT_URL },
  { id: 'commission-go-withdrawals', title: '提现记录', hint: '审核与到账', url: WITHDRAWALS_URL },
];

/** 我的佣金: balances, the 提现 button or the open withdrawal, my rules, and links to the details. */
export default function CommissionPage() {
  const page = useBuyerPage(fetchCommissionOverview, NOT_A_LEADER_CODES);
  const { reload } = page;
  const receipt = useConfirmReceipt(() => void reload());
  const overview = page.data;
  const open = overview?.openWithdrawal ?? null;
  useRefreshWhile(
    Boolean(open && payoutSettlingSoon(open)) && receipt.sheet === null,
    () => void reload(),
    overview,
  );

  useDidShow(() => {
    void reload();
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (page.phase === 'loading') {
    return (
      <View className="cm-page" id="commission-loading">
        <SkeletonCard lines={[30, 60, 80]} />
        <SkeletonCard lines={[50, 70]} />
        <SkeletonCard lines={[40, 70, 60, 50]} />
      </View>
    );
  }

  if (page.phase !== 'ready' || !overview) {
    return (
      <View className="cm-page">
        <View className="cm-card">
          <LeaderPageState page={page} idPrefix="commission" activity="查看佣金" pageName="我的佣金" />
        </View>
      </View>
    );
  }

  return (
    <View className="cm-page" id="commission-page">
      <BalanceHero overview={overview} />
      <WithdrawSection overview={overview} receipt={receipt} />
      <EarnedCard overview={overview} />
      <View className="cm-links">
        {LINKS.map((link) => (
          <View className="cm-link" key={link.id} id={link.id} onClick={go(link.url)}>
            <Text className="cm-link__title">{link.title}</Text>
            <Text className="cm-link__hint">{link.hint}</Text>
          </View>
        ))}
      </View>
      <RulesCard overview={overview} />
      {receipt.sheet}
    </View>
  );
}
