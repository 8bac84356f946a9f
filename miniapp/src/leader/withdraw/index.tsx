import { useCallback, useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  ErrorCode,
  formatFen,
  type LeaderCommissionOverview,
  type WithdrawalMethod,
} from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { useBuyerPage } from '@/hooks/use-buyer-page';
import { fetchCommissionOverview, requestWithdrawal, WITHDRAWALS_URL } from '@/services/commission';
import { attemptFor, type CheckoutAttempt } from '@/services/orders';
import { ApiError, showErrorToast } from '@/services/request';
import { WITHDRAWAL_METHOD_LABELS, withdrawAvailability } from '@/utils/commission';
import {
  fenToYuanText,
  hasErrors,
  parseYuan,
  serverWithdrawErrors,
  toWithdrawalBody,
  typedYuan,
  validateWithdraw,
  type BankAccountForm,
  type WithdrawErrors,
  type WithdrawField,
} from '@/utils/withdraw-form';
import { LeaderPageState, NOT_A_LEADER_CODES } from '../components/leader-page-state';
// Stylesheets load in import order, which must agree across pages (mini-css-extract-plugin).
import { BankAccountFields } from './bank-account-fields';
import { SkeletonCard } from '../components/skeleton-card';
import './index.scss';

const METHOD_HINTS: Record<WithdrawalMethod, string> = {
  wechat: '打款后在小程序里确认收款，钱到微信零钱',
  bank: '财务打款到你的银行卡',
};

/** Refusals after which the page's figures are stale (a request is open, the methods changed). */
const RELOAD_CODES: string[] = [ErrorCode.WITHDRAWAL_OPEN_EXISTS, ErrorCode.WITHDRAWAL_METHOD_UNAVAILABLE];

const EMPTY_BANK: BankAccountForm = { holder: '', bankName: '', accountNo: '' };

function WithdrawForm({ overview, onStale }: { overview: LeaderCommissionOverview; onStale: () => void }) {
  const [amountText, setAmountText] = useState('');
  const [chosen, setChosen] = useState<WithdrawalMethod>(overview.methods[0]);
  const [bank, setBank] = useState<BankAccountForm>(EMPTY_BANK);
  const [errors, setErrors] = useState<WithdrawErrors>({});
  const [submitting, setSubmitting] = useState(false);
  /** One requestId per request body: a double tap or a retry after a lost answer is the same withdrawal. */
  const attempt = useRef<CheckoutAttempt | null>(null);
  const limits = { availableFen: overview.balance.available, minWithdrawFen: overview.minWithdrawFen };
  const method = overview.methods.includes(chosen) ? chosen : overview.methods[0];
  const parsed = parseYuan(amountText);
  const amount = 'fen' in parsed ? parsed.fen : null;

  const clearError = (field: WithdrawField) =>
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));

  const submit = async () => {
    if (submitting) return;
    const form = { amountText, method, bank };
    const found = validateWithdraw(form, limits);
    setErrors(found);
    if (hasErrors(found)) return;
    const body = toWithdrawalBody(form);
    attempt.current = attemptFor(attempt.current, JSON.stringify(body));
    setSubmitting(true);
    try {
      await requestWithdrawal({ ...body, requestId: attempt.current.key });
      void Taro.showToast({ title: '提现申请已提交', icon: 'success' });
      void Taro.redirectTo({ url: WITHDRAWALS_URL });
    } catch (caught) {
      if (!(caught instanceof ApiError)) {
        showErrorToast('提交失败，请稍后重试');
        return;
      }
      showErrorToast(caught.message);
      setErrors(serverWithdrawErrors(caught.code, caught.message, caught.fields));
      if (caught.code === ErrorCode.WITHDRAWAL_REQUEST_REUSED) attempt.current = null;
      if (RELOAD_CODES.includes(caught.code)) onStale();
    } finally {
      setSubmitting(false);
    }
  };

  const needsReview = amount !== null && amount > overview.autoApproveFen;
  return (
    <View className="wd-page wd-page--with-bar" id="withdraw-page">
      <View className="wd-card">
        <Text className="wd-card__title">提现金额</Text>
        <View className={`wd-amount${errors.amount ? ' is-invalid' : ''}`}>
          <Text className="wd-amount__currency">¥</Text>
          <Input
            className="wd-amount__input"
            id="withdraw-amount"
            type="digit"
            value={amountText}
            maxlength={12}
            placeholder={`最少 ${fenToYuanText(overview.minWithdrawFen)} 元`}
            placeholderClass="wd-amount__placeholder"
            onInput={(event) => {
              const next = typedYuan(event.detail.value);
              setAmountText(next);
              clearError('amount');
              return next;
            }}
          />
        </View>
        <View className="wd-amount__foot">
          <Text id="withdraw-available">可提现 {formatFen(overview.balance.available)}</Text>
          <Text
            className="wd-amount__all"
            id="withdraw-all"
            onClick={() => {
              setAmountText(fenToYuanText(overview.balance.available));
              clearError('amount');
            }}
          >
            全部提现
          </Text>
        </View>
        {errors.amount ? (
          <Text className="wd-error" id="withdraw-amount-error">
            {errors.amount}
          </Text>
        ) : null}
        <Text className={`wd-note${needsReview ? ' wd-note--review' : ''}`} id="withdraw-review-note">
          {needsReview
            ? `超过 ${formatFen(overview.autoApproveFen)} 需财务审核，通过后打款`
            : `单笔最少 ${formatFen(overview.minWithdrawFen)}；${formatFen(overview.autoApproveFen)} 以内提交即通过，超过需财务审核`}
        </Text>
      </View>

      <View className="wd-card" id="withdraw-methods">
        <Text className="wd-card__title">到账方式</Text>
        {overview.methods.map((option) => (
          <View
            key={option}
            className={`wd-method${method === option ? ' is-active' : ''}`}
            id={`withdraw-method-${option}`}
            onClick={() => setChosen(option)}
          >
            <View className="wd-method__radio" />
            <View className="wd-method__text">
              <Text className="wd-method__name">{WITHDRAWAL_METHOD_LABELS[option]}</Text>
              <Text className="wd-method__hint">{METHOD_HINTS[option]}</Text>
            </View>
          </View>
        ))}
        {method === 'bank' ? (
          <BankAccountFields
            bank={bank}
            errors={errors}
            onChange={(field, value) => {
              setBank((previous) => ({ ...previous, [field]: value }));
              clearError(field);
            }}
          />
        ) : null}
      </View>

      <View className="wd-bar">
        <View
          className={`btn btn--primary btn--block wd-bar__submit${submitting ? ' is-busy' : ''}`}
          id="withdraw-submit"
          onClick={() => void submit()}
        >
          {submitting ? '提交中…' : amount !== null ? `确认提现 ${formatFen(amount)}` : '确认提现'}
        </View>
      </View>
    </View>
  );
}

/** 提现: amount in 元 (全部提现), payout method (微信零钱 / 银行卡), then the record of the new request. */
export default function WithdrawPage() {
  const page = useBuyerPage(fetchCommissionOverview, NOT_A_LEADER_CODES);
  const { reload } = page;
  const reloadOverview = useCallback(() => void reload(), [reload]);
  const overview = page.data;

  // Once: reloading on every show would reset what the leader typed (e.g. after copying a card number).
  useEffect(() => {
    void reload();
  }, [reload]);

  if (page.phase === 'loading') {
    return (
      <View className="wd-page" id="withdraw-loading">
        <SkeletonCard lines={[30, 80, 50]} />
        <SkeletonCard lines={[30, 60, 60]} />
      </View>
    );
  }

  if (page.phase !== 'ready' || !overview) {
    return (
      <View className="wd-page">
        <View className="wd-card">
          <LeaderPageState page={page} idPrefix="withdraw" activity="提现" pageName="提现" />
        </View>
      </View>
    );
  }

  const availability = withdrawAvailability(overview);
  if (!availability.allowed) {
    const open = overview.openWithdrawal !== null;
    return (
      <View className="wd-page">
        <View className="wd-card">
          <StateView
            id="withdraw-blocked"
            illustration="receipt"
            title="暂时不能提现"
            description={availability.reason}
            actionText={open ? '查看提现记录' : '返回我的佣金'}
            actionId={open ? 'withdraw-go-records' : 'withdraw-back'}
            onAction={() =>
              void (open
                ? Taro.redirectTo({ url: WITHDRAWALS_URL })
                : Taro.navigateBack().catch(() => undefined))
            }
          />
        </View>
      </View>
    );
  }

  return <WithdrawForm overview={overview} onStale={reloadOverview} />;
}
