import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { type StatementPeriod } from '@linli/shared-types';
import { StateView } from '@/components/state-view';
import { shanghaiDateKey } from '@/utils/shanghai-time';
import {
  currentPeriodWord,
  hasNextPeriod,
  isDateKey,
  isStatementPeriod,
  periodLabel,
  shiftPeriod,
  STATEMENT_PERIOD_LABELS,
} from '@/utils/statement-period';
import { LeaderGateState } from '../components/leader-gate-state';
import { SkeletonCard } from '../components/skeleton-card';
import { StatementBody } from './statement-parts';
import { useStatement } from './use-statement';
import './index.scss';

const PERIODS: StatementPeriod[] = ['day', 'week', 'month'];

/** 对账单 (?period&date): one day, week (from Monday) or month of commission, stepped back and forth. */
export default function StatementPage() {
  const { params } = useRouter();
  // The Shanghai day the page opened on; what 今天 / 本周 / 本月 and the last period mean.
  const today = useMemo(() => shanghaiDateKey(), []);
  const [period, setPeriod] = useState<StatementPeriod>(
    isStatementPeriod(params.period) ? params.period : 'month',
  );
  const [date, setDate] = useState(isDateKey(params.date) && params.date <= today ? params.date : today);
  const load = useStatement(period, date);

  if (load.phase === 'not-leader' || load.phase === 'signed-out') {
    return (
      <View className="st-page">
        <View className="st-card">
          <LeaderGateState
            phase={load.phase}
            idPrefix="statement"
            activity="查看对账单"
            pageName="对账单"
            error={load.error}
            onRetry={load.reload}
          />
        </View>
      </View>
    );
  }

  const canGoNext = hasNextPeriod(period, date, today);
  const current = currentPeriodWord(period, date, today);
  return (
    <View className="st-page" id="statement-page">
      <View className="st-tabs" id="statement-tabs">
        {PERIODS.map((option) => (
          <View
            key={option}
            className={`st-tabs__tab${period === option ? ' is-active' : ''}`}
            id={`statement-tab-${option}`}
            onClick={() => setPeriod(option)}
          >
            {STATEMENT_PERIOD_LABELS[option]}
          </View>
        ))}
      </View>

      <View className="st-nav">
        <View
          className="st-nav__step"
          id="statement-prev"
          onClick={() => setDate(shiftPeriod(period, date, -1))}
        >
          <View className="st-nav__arrow st-nav__arrow--prev" />
        </View>
        <View className="st-nav__period">
          <Text className="st-nav__range" id="statement-range">
            {periodLabel(period, date, today)}
          </Text>
          {current ? <Text className="st-nav__current">{current}</Text> : null}
        </View>
        <View
          className={`st-nav__step${canGoNext ? '' : ' is-disabled'}`}
          id="statement-next"
          onClick={() => (canGoNext ? setDate(shiftPeriod(period, date, 1)) : undefined)}
        >
          <View className="st-nav__arrow st-nav__arrow--next" />
        </View>
      </View>

      {load.phase === 'loading' ? (
        <View id="statement-loading">
          <SkeletonCard lines={[30, 60, 80, 70]} />
          <SkeletonCard lines={[40, 70, 50]} />
        </View>
      ) : load.phase === 'error' ? (
        <View className="st-card">
          <StateView
            id="statement-error"
            illustration="alert"
            title="加载失败"
            description={load.error}
            actionText="重试"
            actionId="statement-retry"
            onAction={load.reload}
          />
        </View>
      ) : (
        <StatementBody statement={load.statement} />
      )}
    </View>
  );
}
